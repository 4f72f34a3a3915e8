/**
 * What every use case stands on: the application datasource and its migrations, the domain
 * exception hierarchy, the clock, and the one bean that owns every {@code crater_*} metric.
 */
package org.crater.ejb.common;
