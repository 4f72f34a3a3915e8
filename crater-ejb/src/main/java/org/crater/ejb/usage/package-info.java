/**
 * Accounting: every attempt's resources times its running time, recorded in the transaction that
 * ends the attempt ({@link org.crater.ejb.usage.AttemptEnds}), and reports that sum it per day,
 * user, account and GPU model ({@link org.crater.ejb.usage.UsageService}).
 */
package org.crater.ejb.usage;
