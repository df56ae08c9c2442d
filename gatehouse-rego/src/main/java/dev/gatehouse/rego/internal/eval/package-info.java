/**
 * The top-down evaluator over the planned form: unification, iteration, rule and function
 * evaluation with continuations.
 */
@NullMarked
package dev.gatehouse.rego.internal.eval;

import org.jspecify.annotations.NullMarked;
