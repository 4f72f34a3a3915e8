/**
 * Datasets and share dirs: a PersistentVolumeClaim, or one directory in it, that jobs may mount.
 * Administrators register them and share each with everyone or with chosen accounts and users; a
 * read-only dataset is only ever mounted read-only.
 */
package org.crater.model.dataset;
