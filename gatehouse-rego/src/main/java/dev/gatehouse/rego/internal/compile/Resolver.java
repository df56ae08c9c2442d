package dev.gatehouse.rego.internal.compile;

import dev.gatehouse.rego.Location;
import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.internal.ast.Expr;
import dev.gatehouse.rego.internal.ast.Rule;
import dev.gatehouse.rego.internal.ast.Term;
import dev.gatehouse.rego.internal.builtins.Builtins;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stage "resolve refs and locals": rewrites names of rules of the same package and import aliases
 * into full {@code data}/{@code input} references, resolves function names (user function path or
 * builtin), and gives every local variable a name unique within its rule.
 *
 * <p>Design note (OPA's resolveAllRefs and rewriteLocalVars): a variable is local when a parameter,
 * {@code some}, {@code :=} or {@code some .. in} declares it, or when it names no rule or import. A
 * variable of a comprehension (or {@code every} body) is captured from the enclosing body when the
 * enclosing body mentions it outside comprehensions; otherwise it is local to the comprehension and
 * renamed {@code name$n}. The free variables of every comprehension are recorded for the safety
 * stage.
 */
final class Resolver {
  private static final String GLOBAL = "\u0000global";

  private final List<String> pkg;
  private final Set<String> packageRules;
  private final Map<String, List<String>> imports;
  private final Errors errors;
  private final Map<Object, Set<String>> freeVars;
  private int fresh;

  Resolver(
      List<String> pkg,
      Set<String> packageRules,
      Map<String, List<String>> imports,
      Errors errors,
      Map<Object, Set<String>> freeVars) {
    this.pkg = pkg;
    this.packageRules = packageRules;
    this.imports = imports;
    this.errors = errors;
    this.freeVars = freeVars;
  }

  private static final class Scope {
    final @Nullable Scope parent;
    final Map<String, String> names = new HashMap<>();
    final Set<String> visible;
    final Set<String> owned = new HashSet<>();
    final Set<String> bodyVars = new HashSet<>();

    Scope(@Nullable Scope parent, Set<String> visible) {
      this.parent = parent;
      this.visible = visible;
    }
  }

  Rule resolveRule(Rule r) {
    Scope root = new Scope(null, Set.of());
    for (Term a : r.args()) {
      Set<String> vs = new HashSet<>();
      Vars.of(a, vs, false);
      vs.forEach(v -> root.names.put(v, v));
    }
    declare(r.body(), root);
    Vars.of(r.body(), root.bodyVars, false);
    r.args().forEach(a -> Vars.of(a, root.bodyVars, false));
    if (r.key() != null) {
      Vars.of(r.key(), root.bodyVars, false);
    }
    Vars.of(r.value(), root.bodyVars, false);
    List<Expr> body = body(r.body(), root);
    Term key = r.key() == null ? null : term(r.key(), root);
    Term value = term(r.value(), root);
    List<Term> args = r.args().stream().map(a -> term(a, root)).toList();
    Rule elseRule = r.elseRule() == null ? null : resolveRule(r.elseRule());
    return new Rule(r.loc(), r.name(), r.kind(), args, key, value, body, r.isDefault(), elseRule);
  }

  List<Expr> resolveQuery(List<Expr> query) {
    Scope root = new Scope(null, Set.of());
    declare(query, root);
    Vars.of(query, root.bodyVars, false);
    return body(query, root);
  }

  // ---- declarations ----

  private void declare(List<Expr> body, Scope s) {
    for (Expr e : body) {
      declare(e, s);
    }
  }

  private void declare(Expr e, Scope s) {
    switch (e) {
      case Expr.SomeDecl d -> d.names().forEach(n -> declareName(s, n));
      case Expr.Unify u when u.assign() -> {
        Set<String> vs = new HashSet<>();
        Vars.patterns(u.left(), vs);
        for (String v : vs) {
          if (s.names.containsKey(v) && !v.startsWith("$")) {
            errors.add(RegoException.COMPILE, u.loc(), "var " + v + " assigned above");
          }
          declareName(s, v);
        }
      }
      case Expr.SomeIn si -> {
        Set<String> vs = new HashSet<>();
        if (si.key() != null) {
          Vars.patterns(si.key(), vs);
        }
        Vars.patterns(si.value(), vs);
        vs.forEach(v -> declareName(s, v));
      }
      case Expr.With w -> declare(w.inner(), s);
      default -> {}
    }
  }

  private void declareName(Scope s, String name) {
    if (s.parent == null || name.startsWith("$")) {
      s.names.put(name, name);
    } else {
      String n = name + "$" + fresh++;
      s.names.put(name, n);
      s.owned.add(n);
    }
  }

  private String resolve(String name, Scope s) {
    String known = s.names.get(name);
    if (known != null) {
      return known;
    }
    if (s.parent == null) {
      if (isGlobal(name)) {
        return GLOBAL;
      }
      s.names.put(name, name);
      return name;
    }
    if (s.visible.contains(name)) {
      return resolve(name, s.parent);
    }
    if (isGlobal(name)) {
      return GLOBAL;
    }
    declareName(s, name);
    return s.names.getOrDefault(name, name);
  }

  private boolean isGlobal(String name) {
    return Vars.isRoot(name) || imports.containsKey(name) || packageRules.contains(name);
  }

  private Term.Ref globalRef(String name, Location loc) {
    List<String> path;
    if (Vars.isRoot(name)) {
      path = List.of(name);
    } else if (imports.containsKey(name)) {
      path = imports.get(name);
    } else {
      path = new ArrayList<>();
      path.add("data");
      path.addAll(pkg);
      path.add(name);
    }
    List<Term> segs = new ArrayList<>();
    for (String p : path.subList(1, path.size())) {
      segs.add(new Term.Scalar(new StringValue(p), loc));
    }
    return new Term.Ref(new Term.Var(path.getFirst(), loc), segs, loc);
  }

  // ---- bodies and terms ----

  private List<Expr> body(List<Expr> body, Scope s) {
    List<Expr> out = new ArrayList<>(body.size());
    for (Expr e : body) {
      out.add(expr(e, s));
    }
    return out;
  }

  private Expr expr(Expr e, Scope s) {
    return switch (e) {
      case Expr.TermExpr t -> new Expr.TermExpr(term(t.term(), s), t.loc());
      case Expr.Unify u ->
          new Expr.Unify(term(u.left(), s), term(u.right(), s), u.assign(), u.loc());
      case Expr.Not n -> new Expr.Not(expr(n.inner(), s), n.loc());
      case Expr.SomeDecl d ->
          new Expr.SomeDecl(d.names().stream().map(n -> resolve(n, s)).toList(), d.loc());
      case Expr.SomeIn si ->
          new Expr.SomeIn(
              si.key() == null ? null : term(si.key(), s),
              term(si.value(), s),
              term(si.collection(), s),
              si.loc());
      case Expr.Every ev -> every(ev, s);
      case Expr.With w -> new Expr.With(expr(w.inner(), s), modifiers(w, s), w.loc());
    };
  }

  private List<Expr.Modifier> modifiers(Expr.With w, Scope s) {
    List<Expr.Modifier> out = new ArrayList<>();
    for (Expr.Modifier m : w.modifiers()) {
      out.add(new Expr.Modifier(term(m.target(), s), term(m.value(), s), m.loc()));
    }
    return out;
  }

  private Expr every(Expr.Every ev, Scope s) {
    Term domain = term(ev.domain(), s);
    Scope c = child(s);
    if (ev.key() != null) {
      Set<String> ks = new HashSet<>();
      Vars.patterns(ev.key(), ks);
      ks.forEach(k -> declareName(c, k));
    }
    Set<String> vs = new HashSet<>();
    Vars.patterns(ev.value(), vs);
    vs.forEach(v -> declareName(c, v));
    declare(ev.body(), c);
    Vars.of(ev.body(), c.bodyVars, false);
    List<Expr> body = body(ev.body(), c);
    Term key = ev.key() == null ? null : term(ev.key(), c);
    Term value = term(ev.value(), c);
    Expr.Every out = new Expr.Every(key, value, domain, body, ev.loc());
    Set<String> free = new HashSet<>();
    Vars.of(body, free, true);
    free.removeAll(c.owned);
    freeVars.put(out, free);
    s.owned.addAll(c.owned);
    return out;
  }

  private Scope child(Scope s) {
    Set<String> visible = new HashSet<>(s.bodyVars);
    visible.addAll(s.visible);
    visible.addAll(s.names.keySet());
    return new Scope(s, visible);
  }

  Term term(Term t, Scope s) {
    return switch (t) {
      case Term.Scalar sc -> sc;
      case Term.Var v -> var(v, s);
      case Term.Ref r -> ref(r, s);
      case Term.ArrayLit a -> new Term.ArrayLit(terms(a.items(), s), a.loc());
      case Term.SetLit a -> new Term.SetLit(terms(a.items(), s), a.loc());
      case Term.ObjectLit o ->
          new Term.ObjectLit(terms(o.keys(), s), terms(o.values(), s), o.loc());
      case Term.Call c -> new Term.Call(function(c, s), terms(c.args(), s), c.loc());
      case Term.ArrayCompr c -> comprehension(c, c.body(), s);
      case Term.SetCompr c -> comprehension(c, c.body(), s);
      case Term.ObjectCompr c -> comprehension(c, c.body(), s);
    };
  }

  private List<Term> terms(List<Term> ts, Scope s) {
    List<Term> out = new ArrayList<>(ts.size());
    for (Term t : ts) {
      out.add(term(t, s));
    }
    return out;
  }

  private Term var(Term.Var v, Scope s) {
    if (v.isWildcard()) {
      s.owned.add(v.name());
      return v;
    }
    String r = resolve(v.name(), s);
    return r.equals(GLOBAL) ? globalRef(v.name(), v.loc()) : new Term.Var(r, v.loc());
  }

  private Term ref(Term.Ref r, Scope s) {
    List<Term> path = terms(r.path(), s);
    Term head = term(r.head(), s);
    if (head instanceof Term.Ref g) {
      List<Term> merged = new ArrayList<>(g.path());
      merged.addAll(path);
      return new Term.Ref(g.head(), merged, r.loc());
    }
    return new Term.Ref(head, path, r.loc());
  }

  private Term comprehension(Term c, List<Expr> rawBody, Scope s) {
    Scope cs = child(s);
    declare(rawBody, cs);
    Vars.of(rawBody, cs.bodyVars, false);
    List<Expr> body = body(rawBody, cs);
    Term out =
        switch (c) {
          case Term.ArrayCompr a -> new Term.ArrayCompr(term(a.head(), cs), body, a.loc());
          case Term.SetCompr a -> new Term.SetCompr(term(a.head(), cs), body, a.loc());
          case Term.ObjectCompr o ->
              new Term.ObjectCompr(term(o.key(), cs), term(o.value(), cs), body, o.loc());
          default -> throw new IllegalStateException("not a comprehension: " + c);
        };
    Set<String> free = new HashSet<>();
    Vars.of(out, free, true);
    free.removeAll(cs.owned);
    freeVars.put(out, free);
    s.owned.addAll(cs.owned);
    return out;
  }

  private String function(Term.Call c, Scope s) {
    String name = c.name();
    int dot = name.indexOf('.');
    String first = dot < 0 ? name : name.substring(0, dot);
    if (imports.containsKey(first) && !s.names.containsKey(first)) {
      List<String> path = imports.get(first);
      String full = String.join(".", path) + (dot < 0 ? "" : name.substring(dot));
      if (path.getFirst().equals("data")) {
        return full;
      }
    }
    if (dot < 0 && packageRules.contains(name)) {
      return "data." + String.join(".", pkg) + (pkg.isEmpty() ? "" : ".") + name;
    }
    if (first.equals("data") || Builtins.lookup(name) != null) {
      return name;
    }
    errors.add(RegoException.TYPE, c.loc(), "undefined function " + name);
    return name;
  }
}
