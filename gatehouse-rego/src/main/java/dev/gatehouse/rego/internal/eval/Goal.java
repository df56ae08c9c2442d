package dev.gatehouse.rego.internal.eval;

import dev.gatehouse.rego.Location;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A planned body literal. Bodies are arrays of goals in safe order. */
@SuppressWarnings("ArrayRecordComponent") // planned form: arrays for speed, never compared
public sealed interface Goal {
  /** Where the literal is in the source. */
  Location loc();

  /**
   * A term as a statement: succeeds for each defined value that is not {@code false}. When {@code
   * report} is not negative, the value is recorded as that query expression's value.
   */
  record Test(Operand term, int report, Location loc) implements Goal {}

  /** Unification of two operands (also {@code :=} and calls with an output argument). */
  record Unify(Operand left, Operand right, Location loc) implements Goal {}

  /** Negation: succeeds once when the inner goal has no solution. */
  record Not(Goal inner, Location loc) implements Goal {}

  /** {@code some k, v in collection}. */
  record SomeIn(@Nullable Operand key, Operand value, Operand collection, Location loc)
      implements Goal {}

  /** {@code every k, v in domain { body }}. */
  record Every(@Nullable Operand key, Operand value, Operand domain, Goal[] body, Location loc)
      implements Goal {}

  /** A goal evaluated with replaced input or data. */
  record With(Goal inner, List<Replacement> replacements, Location loc) implements Goal {}

  /**
   * One {@code with} replacement.
   *
   * @param input whether the target is under {@code input} (else {@code data})
   * @param path the target path below the root
   * @param value the replacement value
   */
  record Replacement(boolean input, List<String> path, Operand value) {}
}
