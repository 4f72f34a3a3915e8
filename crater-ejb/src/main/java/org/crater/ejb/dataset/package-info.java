/**
 * Dataset use cases: administrators register datasets and share dirs and say who may mount them;
 * users list the ones they may mount, and job submission checks every mount against {@link
 * org.crater.ejb.dataset.MountGrants}. Depends on accounts and users, never on jobs.
 */
package org.crater.ejb.dataset;
