package dev.gatehouse.rego.internal.compile;

import dev.gatehouse.rego.Location;
import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.internal.ast.Expr;
import dev.gatehouse.rego.internal.ast.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Stage "check safety": reorders every body so that each variable is bound before it is used, and
 * reports {@code rego_unsafe_var_error} for variables nothing can bind.
 *
 * <p>Design note (OPA's ast/compile.go checkSafetyRuleBodies and reorderBodyForSafety): a literal
 * may run once every variable it reads is bound. References bind the variables in their key
 * positions by iteration; unification binds the pattern variables of one side once the other side
 * is ground; a call with one argument more than its arity binds its last argument; {@code not},
 * {@code every} and comprehensions bind nothing outside and need their free variables bound. The
 * literals are scheduled greedily in source order, as OPA does, so the result is deterministic.
 */
final class Safety {
  private final Errors errors;
  private final Map<Object, Set<String>> freeVars;
  private final ToIntFunction<String> arity;

  Safety(Errors errors, Map<Object, Set<String>> freeVars, ToIntFunction<String> arity) {
    this.errors = errors;
    this.freeVars = freeVars;
    this.arity = arity;
  }

  /** Reorders a body given the variables bound before it; adds what it binds to {@code bound}. */
  List<Expr> reorder(List<Expr> body, Set<String> bound) {
    List<Expr> remaining = new ArrayList<>(body);
    List<Expr> out = new ArrayList<>(body.size());
    while (!remaining.isEmpty()) {
      Expr next = null;
      for (Expr e : remaining) {
        if (missing(e, bound).isEmpty()) {
          next = e;
          break;
        }
      }
      if (next == null) {
        for (Expr e : remaining) {
          for (String v : missing(e, bound)) {
            errors.add(RegoException.UNSAFE_VAR, e.loc(), "var " + Vars.display(v) + " is unsafe");
          }
        }
        return out;
      }
      remaining.remove(next);
      bound.addAll(outputs(next));
      out.add(nested(next));
    }
    return out;
  }

  /** Reports head variables (rule key and value) that the body does not bind. */
  void checkHead(Term t, Set<String> bound, Location loc) {
    Set<String> vs = new TreeSet<>();
    Vars.of(t, vs, false);
    collectFree(t, vs);
    for (String v : vs) {
      if (!bound.contains(v)) {
        errors.add(RegoException.UNSAFE_VAR, loc, "var " + Vars.display(v) + " is unsafe");
      }
    }
  }

  private void collectFree(Term t, Set<String> out) {
    Vars.comprehensions(t, c -> out.addAll(freeVars.getOrDefault(c, Set.of())));
  }

  // ---- analysis ----

  private record Info(Set<String> needs, Set<String> outs) {
    Info() {
      this(new HashSet<>(), new HashSet<>());
    }
  }

  private void termInfo(Term t, Info info) {
    switch (t) {
      case Term.Scalar s -> {}
      case Term.Var v -> info.needs().add(v.name());
      case Term.Ref r -> {
        if (r.head() instanceof Term.Var v) {
          if (!Vars.isRoot(v.name())) {
            info.needs().add(v.name());
          }
        } else {
          termInfo(r.head(), info);
        }
        for (Term seg : r.path()) {
          if (seg instanceof Term.Var
              || seg instanceof Term.ArrayLit
              || seg instanceof Term.ObjectLit) {
            sideInfo(seg, info.outs(), info);
          } else {
            termInfo(seg, info);
          }
        }
      }
      case Term.ArrayLit a -> a.items().forEach(i -> termInfo(i, info));
      case Term.SetLit a -> a.items().forEach(i -> termInfo(i, info));
      case Term.ObjectLit o -> {
        o.keys().forEach(i -> termInfo(i, info));
        o.values().forEach(i -> termInfo(i, info));
      }
      case Term.Call c -> c.args().forEach(i -> termInfo(i, info));
      default -> info.needs().addAll(freeVars.getOrDefault(t, Set.of()));
    }
  }

  /** Pattern variables go to {@code patterns}; everything else is analysed as a value. */
  private void sideInfo(Term t, Set<String> patterns, Info info) {
    switch (t) {
      case Term.Var v -> patterns.add(v.name());
      case Term.ArrayLit a -> a.items().forEach(i -> sideInfo(i, patterns, info));
      case Term.ObjectLit o -> {
        o.keys().forEach(i -> termInfo(i, info));
        o.values().forEach(i -> sideInfo(i, patterns, info));
      }
      default -> termInfo(t, info);
    }
  }

  private Set<String> missing(Expr e, Set<String> bound) {
    Set<String> miss = new TreeSet<>();
    switch (e) {
      case Expr.TermExpr t -> {
        Expr.Unify out = outputCall(t);
        if (out != null) {
          return missing(out, bound);
        }
        Info info = new Info();
        termInfo(t.term(), info);
        addMissing(info.needs(), info.outs(), bound, miss);
      }
      case Expr.Unify u -> unifyMissing(u.left(), u.right(), bound, miss);
      case Expr.Not n -> {
        for (String v : allVars(n.inner())) {
          if (!bound.contains(v) && !v.startsWith("$")) {
            miss.add(v);
          }
        }
      }
      case Expr.SomeDecl d -> {}
      case Expr.SomeIn s -> {
        Info info = new Info();
        termInfo(s.collection(), info);
        addMissing(info.needs(), info.outs(), bound, miss);
      }
      case Expr.Every ev -> {
        Info info = new Info();
        termInfo(ev.domain(), info);
        info.needs().addAll(freeVars.getOrDefault(ev, Set.of()));
        addMissing(info.needs(), Set.of(), bound, miss);
      }
      case Expr.With w -> {
        miss.addAll(missing(w.inner(), bound));
        for (Expr.Modifier m : w.modifiers()) {
          Info info = new Info();
          termInfo(m.value(), info);
          addMissing(info.needs(), info.outs(), bound, miss);
        }
      }
    }
    return miss;
  }

  private Set<String> allVars(Expr e) {
    Set<String> out = new HashSet<>();
    Vars.of(e, out, false);
    Vars.comprehensions(e, c -> out.addAll(freeVars.getOrDefault(c, Set.of())));
    return out;
  }

  private static void addMissing(
      Set<String> needs, Set<String> outs, Set<String> bound, Set<String> miss) {
    for (String v : needs) {
      if (!bound.contains(v) && !outs.contains(v)) {
        miss.add(v);
      }
    }
  }

  private void unifyMissing(Term a, Term b, Set<String> bound, Set<String> miss) {
    Info info = new Info();
    Set<String> pa = new HashSet<>();
    Set<String> pb = new HashSet<>();
    sideInfo(a, pa, info);
    sideInfo(b, pb, info);
    addMissing(info.needs(), info.outs(), bound, miss);
    Set<String> known = new HashSet<>(bound);
    known.addAll(info.outs());
    if (!unifiable(a, b, known)) {
      for (String v : pa) {
        if (!known.contains(v)) {
          miss.add(v);
        }
      }
      for (String v : pb) {
        if (!known.contains(v)) {
          miss.add(v);
        }
      }
    }
  }

  private static boolean unifiable(Term a, Term b, Set<String> known) {
    if (ground(a, known) || ground(b, known)) {
      return true;
    }
    if (a instanceof Term.ArrayLit x && b instanceof Term.ArrayLit y) {
      if (x.items().size() != y.items().size()) {
        return true;
      }
      for (int i = 0; i < x.items().size(); i++) {
        if (!unifiable(x.items().get(i), y.items().get(i), known)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean ground(Term t, Set<String> known) {
    Set<String> ps = new HashSet<>();
    Vars.patterns(t, ps);
    return known.containsAll(ps);
  }

  private Set<String> outputs(Expr e) {
    Set<String> out = new HashSet<>();
    switch (e) {
      case Expr.TermExpr t -> {
        Expr.Unify u = outputCall(t);
        if (u != null) {
          return outputs(u);
        }
        Info info = new Info();
        termInfo(t.term(), info);
        out.addAll(info.outs());
      }
      case Expr.Unify u -> {
        Info info = new Info();
        sideInfo(u.left(), out, info);
        sideInfo(u.right(), out, info);
        out.addAll(info.outs());
      }
      case Expr.SomeIn s -> {
        Info info = new Info();
        if (s.key() != null) {
          sideInfo(s.key(), out, info);
        }
        sideInfo(s.value(), out, info);
        termInfo(s.collection(), info);
        out.addAll(info.outs());
      }
      case Expr.With w -> out.addAll(outputs(w.inner()));
      default -> {}
    }
    return out;
  }

  /** A call with one argument more than its arity, seen as {@code call(args) = last}. */
  Expr.@Nullable Unify outputCall(Expr.TermExpr t) {
    if (t.term() instanceof Term.Call c
        && !c.args().isEmpty()
        && arity.applyAsInt(c.name()) == c.args().size() - 1) {
      Term call = new Term.Call(c.name(), c.args().subList(0, c.args().size() - 1), c.loc());
      return new Expr.Unify(call, c.args().getLast(), false, t.loc());
    }
    return null;
  }

  // ---- nested bodies ----

  private Expr nested(Expr e) {
    return switch (e) {
      case Expr.TermExpr t -> new Expr.TermExpr(rewrite(t.term()), t.loc());
      case Expr.Unify u ->
          new Expr.Unify(rewrite(u.left()), rewrite(u.right()), u.assign(), u.loc());
      case Expr.Not n -> new Expr.Not(nested(n.inner()), n.loc());
      case Expr.SomeDecl d -> d;
      case Expr.SomeIn si ->
          new Expr.SomeIn(
              si.key() == null ? null : rewrite(si.key()),
              rewrite(si.value()),
              rewrite(si.collection()),
              si.loc());
      case Expr.Every ev -> nestedEvery(ev);
      case Expr.With w -> {
        List<Expr.Modifier> mods = new ArrayList<>();
        for (Expr.Modifier m : w.modifiers()) {
          mods.add(new Expr.Modifier(m.target(), rewrite(m.value()), m.loc()));
        }
        yield new Expr.With(nested(w.inner()), mods, w.loc());
      }
    };
  }

  /** Reorders the bodies of the comprehensions inside {@code t}. */
  Term rewrite(Term t) {
    return switch (t) {
      case Term.Scalar s -> s;
      case Term.Var v -> v;
      case Term.Ref r -> new Term.Ref(rewrite(r.head()), rewriteAll(r.path()), r.loc());
      case Term.ArrayLit a -> new Term.ArrayLit(rewriteAll(a.items()), a.loc());
      case Term.SetLit a -> new Term.SetLit(rewriteAll(a.items()), a.loc());
      case Term.ObjectLit o ->
          new Term.ObjectLit(rewriteAll(o.keys()), rewriteAll(o.values()), o.loc());
      case Term.Call c -> new Term.Call(c.name(), rewriteAll(c.args()), c.loc());
      case Term.ArrayCompr c -> {
        Set<String> bound = bodyBound(c);
        List<Expr> body = reorder(c.body(), bound);
        yield register(
            c, new Term.ArrayCompr(headChecked(c.head(), bound, c.loc()), body, c.loc()));
      }
      case Term.SetCompr c -> {
        Set<String> bound = bodyBound(c);
        List<Expr> body = reorder(c.body(), bound);
        yield register(c, new Term.SetCompr(headChecked(c.head(), bound, c.loc()), body, c.loc()));
      }
      case Term.ObjectCompr c -> {
        Set<String> bound = bodyBound(c);
        List<Expr> body = reorder(c.body(), bound);
        Term key = headChecked(c.key(), bound, c.loc());
        Term value = headChecked(c.value(), bound, c.loc());
        yield register(c, new Term.ObjectCompr(key, value, body, c.loc()));
      }
    };
  }

  private List<Term> rewriteAll(List<Term> ts) {
    List<Term> out = new ArrayList<>(ts.size());
    for (Term t : ts) {
      out.add(rewrite(t));
    }
    return out;
  }

  private Set<String> bodyBound(Object c) {
    return new HashSet<>(freeVars.getOrDefault(c, Set.of()));
  }

  private Term headChecked(Term head, Set<String> bound, Location loc) {
    checkHead(head, bound, loc);
    return rewrite(head);
  }

  private Term register(Object original, Term out) {
    freeVars.put(out, freeVars.getOrDefault(original, Set.of()));
    return out;
  }

  private Expr nestedEvery(Expr.Every ev) {
    Set<String> inner = bodyBound(ev);
    Info info = new Info();
    if (ev.key() != null) {
      sideInfo(ev.key(), inner, info);
    }
    sideInfo(ev.value(), inner, info);
    Expr.Every out =
        new Expr.Every(
            ev.key(), ev.value(), rewrite(ev.domain()), reorder(ev.body(), inner), ev.loc());
    freeVars.put(out, freeVars.getOrDefault(ev, Set.of()));
    return out;
  }
}
