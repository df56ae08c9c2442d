package dev.gatehouse.rego.internal.compile;

import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.internal.ast.Expr;
import dev.gatehouse.rego.internal.ast.Rule;
import dev.gatehouse.rego.internal.ast.Term;
import dev.gatehouse.rego.internal.eval.DataNode;
import dev.gatehouse.rego.internal.eval.RuleSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage "check recursion": builds the dependency graph between rule sets (references into {@code
 * data} and function calls) and reports every cycle as {@code rego_recursion_error}.
 */
final class Recursion {
  private final RuleIndex index;
  private final Map<RuleSet, Set<RuleSet>> deps = new HashMap<>();

  private Recursion(RuleIndex index) {
    this.index = index;
  }

  static void check(RuleIndex index, Map<String, List<Rule>> resolved, Errors errors) {
    Recursion r = new Recursion(index);
    resolved.forEach(
        (path, rules) -> {
          RuleSet rs = index.ruleSet(path);
          if (rs != null) {
            Set<RuleSet> out = r.deps.computeIfAbsent(rs, k -> new LinkedHashSet<>());
            for (Rule rule : rules) {
              for (Rule x = rule; x != null; x = x.elseRule()) {
                r.collect(x, out);
              }
            }
          }
        });
    r.findCycles(errors);
  }

  private void collect(Rule r, Set<RuleSet> out) {
    r.args().forEach(t -> term(t, out));
    if (r.key() != null) {
      term(r.key(), out);
    }
    term(r.value(), out);
    r.body().forEach(e -> expr(e, out));
  }

  private void expr(Expr e, Set<RuleSet> out) {
    switch (e) {
      case Expr.TermExpr t -> term(t.term(), out);
      case Expr.Unify u -> {
        term(u.left(), out);
        term(u.right(), out);
      }
      case Expr.Not n -> expr(n.inner(), out);
      case Expr.SomeDecl d -> {}
      case Expr.SomeIn s -> {
        term(s.value(), out);
        term(s.collection(), out);
      }
      case Expr.Every ev -> {
        term(ev.domain(), out);
        ev.body().forEach(x -> expr(x, out));
      }
      case Expr.With w -> {
        expr(w.inner(), out);
        w.modifiers().forEach(m -> term(m.value(), out));
      }
    }
  }

  private void term(Term t, Set<RuleSet> out) {
    switch (t) {
      case Term.Scalar s -> {}
      case Term.Var v -> {}
      case Term.Ref r -> {
        if (r.head() instanceof Term.Var v && v.name().equals("data")) {
          dataRef(r.path(), out);
        } else {
          term(r.head(), out);
        }
        r.path().forEach(p -> term(p, out));
      }
      case Term.ArrayLit a -> a.items().forEach(i -> term(i, out));
      case Term.SetLit a -> a.items().forEach(i -> term(i, out));
      case Term.ObjectLit o -> {
        o.keys().forEach(i -> term(i, out));
        o.values().forEach(i -> term(i, out));
      }
      case Term.Call c -> {
        RuleSet fn = index.ruleSet(c.name());
        if (fn != null) {
          out.add(fn);
        }
        c.args().forEach(i -> term(i, out));
      }
      case Term.ArrayCompr c -> {
        term(c.head(), out);
        c.body().forEach(x -> expr(x, out));
      }
      case Term.SetCompr c -> {
        term(c.head(), out);
        c.body().forEach(x -> expr(x, out));
      }
      case Term.ObjectCompr c -> {
        term(c.key(), out);
        term(c.value(), out);
        c.body().forEach(x -> expr(x, out));
      }
    }
  }

  private void dataRef(List<Term> path, Set<RuleSet> out) {
    DataNode node = index.root();
    for (Term seg : path) {
      if (node.rules() != null) {
        out.add(node.rules());
        return;
      }
      if (!(seg instanceof Term.Scalar s && s.value() instanceof StringValue sv)) {
        break;
      }
      node = node.get(sv.value());
      if (node == null) {
        return;
      }
    }
    addAll(node, out);
  }

  private static void addAll(DataNode node, Set<RuleSet> out) {
    if (node.rules() != null) {
      out.add(node.rules());
    }
    node.children().values().forEach(c -> addAll(c, out));
  }

  private void findCycles(Errors errors) {
    Set<RuleSet> done = new HashSet<>();
    for (RuleSet rs : deps.keySet()) {
      visit(rs, new ArrayDeque<>(), new HashSet<>(), done, errors);
    }
  }

  private void visit(
      RuleSet rs, Deque<RuleSet> stack, Set<RuleSet> onStack, Set<RuleSet> done, Errors errors) {
    if (done.contains(rs)) {
      return;
    }
    if (onStack.contains(rs)) {
      List<String> cycle = new ArrayList<>();
      boolean in = false;
      for (RuleSet s : stack.reversed()) {
        in |= s == rs;
        if (in) {
          cycle.add(s.path());
        }
      }
      cycle.add(rs.path());
      errors.add(
          RegoException.RECURSION,
          rs.loc(),
          "rule " + rs.path() + " is recursive: " + String.join(" -> ", cycle));
      return;
    }
    stack.push(rs);
    onStack.add(rs);
    for (RuleSet d : deps.getOrDefault(rs, Set.of())) {
      visit(d, stack, onStack, done, errors);
    }
    stack.pop();
    onStack.remove(rs);
    done.add(rs);
  }
}
