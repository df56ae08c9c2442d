package dev.gatehouse.rego.internal.builtins;

import org.jspecify.annotations.Nullable;

/**
 * A builtin declaration: its name, its number of operands and its implementation. A relation
 * builtin (such as {@code walk}) returns an array of results that the evaluator iterates over.
 *
 * @param name the Rego name, e.g. {@code regex.match}
 * @param arity the number of operands
 * @param relation whether the result enumerates several outputs
 * @param impl the implementation
 */
public record Builtin(String name, int arity, boolean relation, Impl impl) {
  /** The code of a builtin. */
  @FunctionalInterface
  public interface Impl {
    /**
     * Computes the result, or null when the result is undefined (e.g. {@code max} of nothing).
     *
     * @throws BuiltinException when an operand has the wrong type or the operation fails
     */
    dev.gatehouse.rego.@Nullable Value apply(dev.gatehouse.rego.Value[] args, Context ctx);
  }

  /** What a builtin may read from the evaluation: the query's start time. */
  public interface Context {
    /** Nanoseconds since the epoch when the query started (constant within a query). */
    long nowNanos();

    /**
     * Accounts for {@code steps} units of work (e.g. the size of a generated range), so that step
     * limits also bound builtins that build large values.
     */
    void charge(long steps);
  }
}
