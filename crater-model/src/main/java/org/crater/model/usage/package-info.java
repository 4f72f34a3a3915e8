/**
 * What jobs used: every attempt's resources times its running time, recorded when the attempt ends
 * and split across days ({@link org.crater.model.usage.AttemptUsage}).
 */
package org.crater.model.usage;
