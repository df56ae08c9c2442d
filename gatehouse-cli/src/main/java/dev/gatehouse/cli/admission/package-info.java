/**
 * {@code gatehouse admission}: review objects and AdmissionReviews against ConstraintTemplates and
 * constraints ({@code test}), and run gator suites ({@code verify}).
 */
@NullMarked
package dev.gatehouse.cli.admission;

import org.jspecify.annotations.NullMarked;
