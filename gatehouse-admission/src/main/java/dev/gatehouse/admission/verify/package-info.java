/**
 * gator-compatible suite verification: reads {@code test.gatekeeper.sh/v1alpha1} Suites, runs every
 * case through a {@link dev.gatehouse.admission.PolicySnapshot}, and checks its assertions. Entry
 * point: {@link dev.gatehouse.admission.verify.SuiteRunner}.
 */
@NullMarked
package dev.gatehouse.admission.verify;

import org.jspecify.annotations.NullMarked;
