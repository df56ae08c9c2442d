package dev.gatehouse.rego.internal.compile;

import dev.gatehouse.rego.internal.ast.Expr;
import dev.gatehouse.rego.internal.ast.Term;
import java.util.List;
import java.util.Set;

/** Collects variable names from terms and expressions. */
final class Vars {
  private Vars() {}

  static boolean isRoot(String name) {
    return name.equals("data") || name.equals("input");
  }

  /** All variables, descending into comprehensions when {@code deep}. */
  static void of(Term t, Set<String> out, boolean deep) {
    switch (t) {
      case Term.Scalar s -> {}
      case Term.Var v -> out.add(v.name());
      case Term.Ref r -> {
        if (!(r.head() instanceof Term.Var v && isRoot(v.name()))) {
          of(r.head(), out, deep);
        }
        r.path().forEach(p -> of(p, out, deep));
      }
      case Term.ArrayLit a -> a.items().forEach(i -> of(i, out, deep));
      case Term.SetLit s -> s.items().forEach(i -> of(i, out, deep));
      case Term.ObjectLit o -> {
        o.keys().forEach(i -> of(i, out, deep));
        o.values().forEach(i -> of(i, out, deep));
      }
      case Term.Call c -> c.args().forEach(i -> of(i, out, deep));
      case Term.ArrayCompr c -> {
        if (deep) {
          of(c.head(), out, true);
          of(c.body(), out, true);
        }
      }
      case Term.SetCompr c -> {
        if (deep) {
          of(c.head(), out, true);
          of(c.body(), out, true);
        }
      }
      case Term.ObjectCompr c -> {
        if (deep) {
          of(c.key(), out, true);
          of(c.value(), out, true);
          of(c.body(), out, true);
        }
      }
    }
  }

  static void of(List<Expr> body, Set<String> out, boolean deep) {
    body.forEach(e -> of(e, out, deep));
  }

  static void of(Expr e, Set<String> out, boolean deep) {
    switch (e) {
      case Expr.TermExpr t -> of(t.term(), out, deep);
      case Expr.Unify u -> {
        of(u.left(), out, deep);
        of(u.right(), out, deep);
      }
      case Expr.Not n -> of(n.inner(), out, deep);
      case Expr.SomeDecl s -> out.addAll(s.names());
      case Expr.SomeIn s -> {
        if (s.key() != null) {
          of(s.key(), out, deep);
        }
        of(s.value(), out, deep);
        of(s.collection(), out, deep);
      }
      case Expr.Every ev -> {
        of(ev.domain(), out, deep);
        if (deep) {
          if (ev.key() != null) {
            of(ev.key(), out, true);
          }
          of(ev.value(), out, true);
          of(ev.body(), out, true);
        }
      }
      case Expr.With w -> {
        of(w.inner(), out, deep);
        w.modifiers().forEach(m -> of(m.value(), out, deep));
      }
    }
  }

  /** Visits the comprehensions and every-expressions directly inside a term or expression. */
  static void comprehensions(Object node, java.util.function.Consumer<Object> visit) {
    switch (node) {
      case Term.ArrayCompr c -> visit.accept(c);
      case Term.SetCompr c -> visit.accept(c);
      case Term.ObjectCompr c -> visit.accept(c);
      case Term.Ref r -> {
        comprehensions(r.head(), visit);
        r.path().forEach(p -> comprehensions(p, visit));
      }
      case Term.ArrayLit a -> a.items().forEach(i -> comprehensions(i, visit));
      case Term.SetLit a -> a.items().forEach(i -> comprehensions(i, visit));
      case Term.ObjectLit o -> {
        o.keys().forEach(i -> comprehensions(i, visit));
        o.values().forEach(i -> comprehensions(i, visit));
      }
      case Term.Call c -> c.args().forEach(i -> comprehensions(i, visit));
      case Expr.TermExpr t -> comprehensions(t.term(), visit);
      case Expr.Unify u -> {
        comprehensions(u.left(), visit);
        comprehensions(u.right(), visit);
      }
      case Expr.Not n -> comprehensions(n.inner(), visit);
      case Expr.SomeIn s -> {
        if (s.key() != null) {
          comprehensions(s.key(), visit);
        }
        comprehensions(s.value(), visit);
        comprehensions(s.collection(), visit);
      }
      case Expr.Every ev -> {
        comprehensions(ev.domain(), visit);
        visit.accept(ev);
      }
      case Expr.With w -> {
        comprehensions(w.inner(), visit);
        w.modifiers().forEach(m -> comprehensions(m.value(), visit));
      }
      default -> {}
    }
  }

  /** Variables in pattern positions: the term itself, or inside array and object literals. */
  static void patterns(Term t, Set<String> out) {
    switch (t) {
      case Term.Var v -> out.add(v.name());
      case Term.ArrayLit a -> a.items().forEach(i -> patterns(i, out));
      case Term.ObjectLit o -> o.values().forEach(i -> patterns(i, out));
      default -> {}
    }
  }

  /** The user-facing name of a (possibly renamed) variable. */
  static String display(String name) {
    int i = name.indexOf('$');
    return i == 0 ? "_" : i > 0 ? name.substring(0, i) : name;
  }
}
