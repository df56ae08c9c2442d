/**
 * The admission engine: Gatekeeper's model (ConstraintTemplates, Constraints with {@code
 * spec.match} and enforcement actions), the driver interface the policy languages plug into, and
 * the review of objects and AdmissionReviews against a compiled {@link
 * dev.gatehouse.admission.PolicySnapshot}.
 *
 * <p>Entry points: {@link dev.gatehouse.admission.PolicyLoader} (objects → validated model with
 * located diagnostics), {@link dev.gatehouse.admission.AdmissionEngine} (drivers → snapshot), and
 * {@link dev.gatehouse.admission.PolicySnapshot#review}.
 */
@NullMarked
package dev.gatehouse.admission;

import org.jspecify.annotations.NullMarked;
