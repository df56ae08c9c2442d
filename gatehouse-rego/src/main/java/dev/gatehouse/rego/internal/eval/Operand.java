package dev.gatehouse.rego.internal.eval;

import dev.gatehouse.rego.Location;
import dev.gatehouse.rego.Value;
import dev.gatehouse.rego.internal.builtins.Builtin;
import org.jspecify.annotations.Nullable;

/**
 * A planned term: variables are frame slots, references start at a known root, calls know their
 * callee, and ground composites are folded into constants.
 */
@SuppressWarnings("ArrayRecordComponent") // planned form: arrays for speed, never compared
public sealed interface Operand {
  /** A constant value. */
  record Const(Value value) implements Operand {}

  /** A local variable stored in a frame slot. */
  record Local(int slot, String name) implements Operand {}

  /** An array with at least one non-constant item. */
  record ArrayOf(Operand[] items) implements Operand {}

  /** An object with at least one non-constant key or value. */
  record ObjectOf(Operand[] keys, Operand[] values) implements Operand {}

  /** A set with at least one non-constant member. */
  record SetOf(Operand[] items) implements Operand {}

  /** {@code input} followed by a path. */
  record InputRef(Operand[] path) implements Operand {}

  /** {@code data} followed by a path. */
  record DataRef(Operand[] path) implements Operand {}

  /** A reference whose head is a local variable, a call or a composite. */
  record LocalRef(Operand head, Operand[] path) implements Operand {}

  /** A call of a builtin or a user function. */
  record Call(Callee callee, Operand[] args, Location loc) implements Operand {}

  /** An array, set or object comprehension; {@code value} is set only for objects. */
  record Compr(Kind kind, Operand head, @Nullable Operand value, Goal[] body) implements Operand {}

  /** Comprehension kinds. */
  enum Kind {
    /** {@code [x | ...]}. */
    ARRAY,
    /** {@code {x | ...}}. */
    SET,
    /** {@code {k: v | ...}}. */
    OBJECT
  }

  /** What a call invokes. */
  sealed interface Callee {}

  /** A builtin. */
  record BuiltinCallee(Builtin builtin) implements Callee {}

  /** A user-defined function. */
  record FunctionCallee(RuleSet function) implements Callee {}
}
