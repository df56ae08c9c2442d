package dev.gatehouse.rego.internal.ast;

import dev.gatehouse.rego.Location;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A literal of a rule body or query. */
public sealed interface Expr {
  /** Where the expression starts. */
  Location loc();

  /** A term used as a statement: true unless undefined or {@code false}. */
  record TermExpr(Term term, Location loc) implements Expr {}

  /** {@code left = right} (unification) or {@code left := right} (declaration). */
  record Unify(Term left, Term right, boolean assign, Location loc) implements Expr {}

  /** {@code not inner}. */
  record Not(Expr inner, Location loc) implements Expr {}

  /** {@code some a, b} declaring local variables. */
  record SomeDecl(List<String> names, Location loc) implements Expr {
    /** Copies the names. */
    public SomeDecl {
      names = List.copyOf(names);
    }
  }

  /** {@code some [key,] value in collection}. */
  record SomeIn(@Nullable Term key, Term value, Term collection, Location loc) implements Expr {}

  /** {@code every [key,] value in domain { body }}. */
  record Every(@Nullable Term key, Term value, Term domain, List<Expr> body, Location loc)
      implements Expr {
    /** Copies the body. */
    public Every {
      body = List.copyOf(body);
    }
  }

  /** {@code inner with target as value ...}. */
  record With(Expr inner, List<Modifier> modifiers, Location loc) implements Expr {
    /** Copies the modifiers. */
    public With {
      modifiers = List.copyOf(modifiers);
    }
  }

  /** One {@code with target as value} clause; the target is an input or data reference. */
  record Modifier(Term target, Term value, Location loc) {}
}
