package dev.gatehouse.rego.internal.ast;

import dev.gatehouse.rego.Location;
import dev.gatehouse.rego.Value;
import java.util.List;

/** A Rego term: scalar, variable, reference, composite, comprehension or call. */
public sealed interface Term {
  /** Where the term starts. */
  Location loc();

  /** A literal scalar (null, boolean, number, string). */
  record Scalar(Value value, Location loc) implements Term {}

  /** A variable; wildcards are renamed to unique names starting with {@code $}. */
  record Var(String name, Location loc) implements Term {
    /** Whether this is a generated wildcard variable. */
    public boolean isWildcard() {
      return name.startsWith("$");
    }
  }

  /** A reference {@code head.a[b]...}; dotted segments are string scalars. */
  record Ref(Term head, List<Term> path, Location loc) implements Term {
    /** Copies the path. */
    public Ref {
      path = List.copyOf(path);
    }
  }

  /** An array literal. */
  record ArrayLit(List<Term> items, Location loc) implements Term {
    /** Copies the items. */
    public ArrayLit {
      items = List.copyOf(items);
    }
  }

  /** An object literal with keys and values in source order. */
  record ObjectLit(List<Term> keys, List<Term> values, Location loc) implements Term {
    /** Copies the entries. */
    public ObjectLit {
      keys = List.copyOf(keys);
      values = List.copyOf(values);
    }
  }

  /** A set literal; {@code set()} is the empty one. */
  record SetLit(List<Term> items, Location loc) implements Term {
    /** Copies the items. */
    public SetLit {
      items = List.copyOf(items);
    }
  }

  /** {@code [head | body]}. */
  record ArrayCompr(Term head, List<Expr> body, Location loc) implements Term {
    /** Copies the body. */
    public ArrayCompr {
      body = List.copyOf(body);
    }
  }

  /** {@code {head | body}}. */
  record SetCompr(Term head, List<Expr> body, Location loc) implements Term {
    /** Copies the body. */
    public SetCompr {
      body = List.copyOf(body);
    }
  }

  /** {@code {key: value | body}}. */
  record ObjectCompr(Term key, Term value, List<Expr> body, Location loc) implements Term {
    /** Copies the body. */
    public ObjectCompr {
      body = List.copyOf(body);
    }
  }

  /**
   * A call of a builtin or user function. The name is dotted as written ({@code regex.match},
   * {@code data.lib.f}) until the compiler resolves it to a builtin name or a full {@code data}
   * path.
   */
  record Call(String name, List<Term> args, Location loc) implements Term {
    /** Copies the arguments. */
    public Call {
      args = List.copyOf(args);
    }
  }
}
