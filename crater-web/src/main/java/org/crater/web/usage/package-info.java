/** Usage reports over HTTP: the caller's own and, for administrators, everyone's; JSON or CSV. */
package org.crater.web.usage;
