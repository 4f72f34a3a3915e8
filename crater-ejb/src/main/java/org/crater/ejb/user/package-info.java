/**
 * User administration: reading users, paging through them, changing roles and status, deleting. An
 * administrator never changes their own role or status and never deletes themselves, so the
 * platform cannot lose its last administrator by accident.
 */
package org.crater.ejb.user;
