package dev.gatehouse.admission.cel;

import java.time.Duration;

/**
 * Bounds on one constraint's evaluation, so a hostile expression fails instead of hanging: a cost
 * budget (evaluation steps, counting every expression node evaluated, comprehension bodies
 * included, for all variables, match conditions and validations of the constraint), a cap on
 * comprehension iterations, and a wall-clock deadline.
 *
 * <p>Kubernetes' per-expression limit is 1,000,000 cost units, "roughly 0.1 second"; a step here
 * takes about 0.1 µs, so the default budget is of the same order.
 *
 * @param costBudget evaluation steps per constraint and request
 * @param maxIterations comprehension iterations per expression ({@code -1}: unlimited)
 * @param timeout wall-clock time per constraint and request
 */
public record CelLimits(long costBudget, int maxIterations, Duration timeout) {
  /** The defaults: 1,000,000 steps, 100,000 iterations, 1 second. */
  public static final CelLimits DEFAULT = new CelLimits(1_000_000, 100_000, Duration.ofSeconds(1));

  /** Checks the bounds are positive. */
  public CelLimits {
    if (costBudget <= 0) {
      throw new IllegalArgumentException("costBudget must be positive, got " + costBudget);
    }
    if (maxIterations == 0 || maxIterations < -1) {
      throw new IllegalArgumentException(
          "maxIterations must be positive or -1, got " + maxIterations);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }
}
