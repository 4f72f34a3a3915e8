/**
 * Datasets as users see them: only the ones they may mount exist for them, with what a job's mount
 * needs (claim, sub-path, read-only); administrators manage all datasets under {@code
 * /api/v1/admin/datasets}.
 */
package org.crater.web.dataset;
