/**
 * The HTTP boundary shared by every feature: the JAX-RS application, JSON binding, the single RFC
 * 9457 error envelope (built only by exception mappers), health checks and the OpenAPI UI.
 */
package org.crater.web.common;
