/**
 * Building blocks shared by every entity: the instant converter and the naming rules for
 * identifiers that also become Kubernetes names.
 */
package org.crater.model.common;
