/**
 * The Rego driver: runs {@code engine: Rego} sources (and the legacy {@code rego} + {@code libs})
 * with {@code gatehouse-rego} as Gatekeeper's frameworks driver does: packages rewritten so each
 * template sees only its own libs, {@code input = {review, parameters}}, {@code data.inventory},
 * the {@code violation[{"msg", "details"}]} contract, and evaluation errors reported as results.
 * {@link dev.gatehouse.admission.rego.RegoDriver} is the only public type.
 */
@NullMarked
package dev.gatehouse.admission.rego;

import org.jspecify.annotations.NullMarked;
