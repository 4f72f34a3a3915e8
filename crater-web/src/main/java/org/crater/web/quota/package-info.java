/** The caller's quota and usage per account, as Kubernetes quantities. */
package org.crater.web.quota;
