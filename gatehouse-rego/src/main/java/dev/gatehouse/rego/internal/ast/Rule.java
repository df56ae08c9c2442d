package dev.gatehouse.rego.internal.ast;

import dev.gatehouse.rego.Location;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One rule definition. A rule's kind follows from its head: {@code p = v} complete, {@code p[k]}
 * partial set, {@code p[k] = v} partial object, {@code f(args) = v} function.
 *
 * @param name the rule's name inside its package
 * @param kind what the head defines
 * @param args function parameters (empty for other kinds)
 * @param key the key term of partial rules
 * @param value the value term ({@code true} when the head has none)
 * @param body the body ({@code true} when absent)
 * @param isDefault whether this is a {@code default} rule
 * @param elseRule the next rule of an {@code else} chain
 */
public record Rule(
    Location loc,
    String name,
    Kind kind,
    List<Term> args,
    @Nullable Term key,
    Term value,
    List<Expr> body,
    boolean isDefault,
    @Nullable Rule elseRule) {

  /** Copies the lists. */
  public Rule {
    args = List.copyOf(args);
    body = List.copyOf(body);
  }

  /** The kinds of rules. */
  public enum Kind {
    /** {@code p = v { ... }}. */
    COMPLETE,
    /** {@code p[x] { ... }} or {@code p contains x}. */
    PARTIAL_SET,
    /** {@code p[k] = v { ... }}. */
    PARTIAL_OBJECT,
    /** {@code f(x) = v { ... }}. */
    FUNCTION
  }
}
