package dev.gatehouse.rego;

import java.time.Duration;

/**
 * Limits and switches for one evaluation.
 *
 * @param stepLimit the maximum number of evaluation steps (literals, calls, iterations)
 * @param timeout the maximum wall-clock time
 * @param strictBuiltinErrors whether builtin errors abort evaluation ({@code eval_builtin_error},
 *     {@code eval_type_error}) instead of making the call undefined, as {@code opa eval
 *     --strict-builtin-errors}
 */
public record EvalOptions(long stepLimit, Duration timeout, boolean strictBuiltinErrors) {
  /** One hundred million steps, ten seconds, lenient builtin errors (OPA's and Gatekeeper's). */
  public static final EvalOptions DEFAULTS =
      new EvalOptions(100_000_000L, Duration.ofSeconds(10), false);

  /** Checks the limits are positive. */
  public EvalOptions {
    if (stepLimit <= 0 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("step limit and timeout must be positive");
    }
  }

  /** These options with another step limit. */
  public EvalOptions withStepLimit(long steps) {
    return new EvalOptions(steps, timeout, strictBuiltinErrors);
  }

  /** These options with another timeout. */
  public EvalOptions withTimeout(Duration t) {
    return new EvalOptions(stepLimit, t, strictBuiltinErrors);
  }

  /** These options with strict builtin errors on or off. */
  public EvalOptions withStrictBuiltinErrors(boolean strict) {
    return new EvalOptions(stepLimit, timeout, strict);
  }
}
