/**
 * The CEL driver: runs {@code K8sNativeValidation} sources with cel-java, with Gatekeeper's
 * bindings ({@code variables.anyObject}, {@code variables.params}), ValidatingAdmissionPolicy's
 * message rules, a cost budget, and the Kubernetes CEL libraries (regex, lists, quantity, URL,
 * IP/CIDR, sets). {@link dev.gatehouse.admission.cel.CelDriver} is the only public type.
 */
@NullMarked
package dev.gatehouse.admission.cel;

import org.jspecify.annotations.NullMarked;
