/**
 * The v0.1.0 data routes ({@code /v1/sharedir/list}, {@code /v1/dataset/*}) and the
 * recommendation-job routes, which Crater does not offer (501). {@link
 * org.crater.web.compat.data.SharedData} is the one place that reads datasets and share dirs.
 */
package org.crater.web.compat.data;
