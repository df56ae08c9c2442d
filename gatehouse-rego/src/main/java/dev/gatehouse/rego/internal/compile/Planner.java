package dev.gatehouse.rego.internal.compile;

import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.Location;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.SetValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import dev.gatehouse.rego.internal.ast.Expr;
import dev.gatehouse.rego.internal.ast.Rule;
import dev.gatehouse.rego.internal.ast.Term;
import dev.gatehouse.rego.internal.builtins.Builtin;
import dev.gatehouse.rego.internal.builtins.Builtins;
import dev.gatehouse.rego.internal.eval.CompiledRule;
import dev.gatehouse.rego.internal.eval.Goal;
import dev.gatehouse.rego.internal.eval.Operand;
import dev.gatehouse.rego.internal.eval.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Stage "plan": turns resolved, safely ordered rules into {@link CompiledRule}s: variables become
 * frame slots, calls are bound to builtins or rule sets (arity checked), ground composites are
 * folded into constants, and calls with an output argument become unifications.
 */
final class Planner {
  private final RuleIndex index;
  private final Errors errors;
  private final Safety safety;
  private final Map<String, Integer> slots = new LinkedHashMap<>();
  private final Map<Location, Integer> reports;

  Planner(RuleIndex index, Errors errors, Safety safety, Map<Location, Integer> reports) {
    this.index = index;
    this.errors = errors;
    this.safety = safety;
    this.reports = reports;
  }

  static CompiledRule rule(RuleIndex index, Errors errors, Safety safety, Rule r) {
    Planner p = new Planner(index, errors, safety, Map.of());
    Operand[] params = p.operands(r.args());
    Operand key = r.key() == null ? null : p.op(r.key());
    Operand value = p.op(r.value());
    Goal[] body = p.goals(r.body());
    CompiledRule elseRule = r.elseRule() == null ? null : rule(index, errors, safety, r.elseRule());
    return new CompiledRule(r.loc(), params, key, value, body, p.slots.size(), elseRule);
  }

  Goal[] goals(List<Expr> body) {
    List<Goal> out = new ArrayList<>(body.size());
    for (Expr e : body) {
      Goal g = goal(e);
      if (g != null) {
        out.add(g);
      }
    }
    return out.toArray(Goal[]::new);
  }

  Map<String, Integer> slots() {
    return slots;
  }

  private @Nullable Goal goal(Expr e) {
    return switch (e) {
      case Expr.TermExpr t -> {
        Expr.Unify u = safety.outputCall(t);
        if (u != null) {
          yield new Goal.Unify(op(u.left()), op(u.right()), t.loc());
        }
        yield new Goal.Test(op(t.term()), reports.getOrDefault(t.loc(), -1), t.loc());
      }
      case Expr.Unify u -> new Goal.Unify(op(u.left()), op(u.right()), u.loc());
      case Expr.Not n -> {
        Goal inner = goal(n.inner());
        yield inner == null ? null : new Goal.Not(inner, n.loc());
      }
      case Expr.SomeDecl d -> null;
      case Expr.SomeIn s ->
          new Goal.SomeIn(
              s.key() == null ? null : op(s.key()), op(s.value()), op(s.collection()), s.loc());
      case Expr.Every ev ->
          new Goal.Every(
              ev.key() == null ? null : op(ev.key()),
              op(ev.value()),
              op(ev.domain()),
              goals(ev.body()),
              ev.loc());
      case Expr.With w -> with(w);
    };
  }

  private @Nullable Goal with(Expr.With w) {
    Goal inner = goal(w.inner());
    List<Goal.Replacement> rs = new ArrayList<>();
    for (Expr.Modifier m : w.modifiers()) {
      List<String> path = targetPath(m.target());
      if (path == null) {
        errors.add(
            RegoException.TYPE,
            m.loc(),
            "with keyword target must reference existing input, data, or a function");
        continue;
      }
      rs.add(
          new Goal.Replacement(
              path.getFirst().equals("input"), path.subList(1, path.size()), op(m.value())));
    }
    return inner == null ? null : new Goal.With(inner, rs, w.loc());
  }

  private static @Nullable List<String> targetPath(Term t) {
    if (!(t instanceof Term.Ref r) || !(r.head() instanceof Term.Var v) || !Vars.isRoot(v.name())) {
      return null;
    }
    List<String> out = new ArrayList<>(List.of(v.name()));
    for (Term seg : r.path()) {
      if (!(seg instanceof Term.Scalar s) || !(s.value() instanceof StringValue str)) {
        return null;
      }
      out.add(str.value());
    }
    return out;
  }

  Operand op(Term t) {
    return switch (t) {
      case Term.Scalar s -> new Operand.Const(s.value());
      case Term.Var v -> local(v.name());
      case Term.Ref r -> ref(r);
      case Term.ArrayLit a -> array(a);
      case Term.SetLit s -> set(s);
      case Term.ObjectLit o -> object(o);
      case Term.Call c -> call(c);
      case Term.ArrayCompr c ->
          new Operand.Compr(Operand.Kind.ARRAY, op(c.head()), null, goals(c.body()));
      case Term.SetCompr c ->
          new Operand.Compr(Operand.Kind.SET, op(c.head()), null, goals(c.body()));
      case Term.ObjectCompr c ->
          new Operand.Compr(Operand.Kind.OBJECT, op(c.key()), op(c.value()), goals(c.body()));
    };
  }

  private Operand local(String name) {
    return new Operand.Local(slots.computeIfAbsent(name, n -> slots.size()), name);
  }

  private Operand[] operands(List<Term> ts) {
    Operand[] out = new Operand[ts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = op(ts.get(i));
    }
    return out;
  }

  private Operand ref(Term.Ref r) {
    Operand[] path = operands(r.path());
    if (r.head() instanceof Term.Var v && v.name().equals("input")) {
      return new Operand.InputRef(path);
    }
    if (r.head() instanceof Term.Var v && v.name().equals("data")) {
      return new Operand.DataRef(path);
    }
    return new Operand.LocalRef(op(r.head()), path);
  }

  private Operand array(Term.ArrayLit a) {
    Operand[] items = operands(a.items());
    Value[] consts = constants(items);
    return consts != null ? new Operand.Const(ArrayValue.of(consts)) : new Operand.ArrayOf(items);
  }

  private Operand set(Term.SetLit s) {
    Operand[] items = operands(s.items());
    Value[] consts = constants(items);
    return consts != null ? new Operand.Const(SetValue.of(consts)) : new Operand.SetOf(items);
  }

  private Operand object(Term.ObjectLit o) {
    Operand[] keys = operands(o.keys());
    Operand[] values = operands(o.values());
    Value[] ks = constants(keys);
    Value[] vs = constants(values);
    if (ks == null || vs == null) {
      return new Operand.ObjectOf(keys, values);
    }
    TreeMap<Value, Value> m = new TreeMap<>();
    for (int i = 0; i < ks.length; i++) {
      m.put(ks[i], vs[i]);
    }
    return new Operand.Const(new ObjectValue(m));
  }

  private static Value @Nullable [] constants(Operand[] ops) {
    Value[] out = new Value[ops.length];
    for (int i = 0; i < ops.length; i++) {
      if (!(ops[i] instanceof Operand.Const c)) {
        return null;
      }
      out[i] = c.value();
    }
    return out;
  }

  private Operand call(Term.Call c) {
    Operand[] args = operands(c.args());
    Operand.Callee callee;
    int arity;
    if (c.name().startsWith("data.")) {
      RuleSet rs = index.ruleSet(c.name());
      if (rs == null || rs.kind() != Rule.Kind.FUNCTION) {
        errors.add(RegoException.TYPE, c.loc(), "undefined function " + c.name());
        return new Operand.Const(new StringValue(""));
      }
      callee = new Operand.FunctionCallee(rs);
      arity = rs.arity();
    } else {
      Builtin b = Builtins.lookup(c.name());
      if (b == null) {
        errors.add(RegoException.TYPE, c.loc(), "undefined function " + c.name());
        return new Operand.Const(new StringValue(""));
      }
      callee = new Operand.BuiltinCallee(b);
      arity = b.arity();
    }
    if (args.length != arity) {
      errors.add(
          RegoException.TYPE,
          c.loc(),
          c.name()
              + ": arity mismatch\n\thave: "
              + args.length
              + " operand"
              + (args.length == 1 ? "" : "s")
              + "\n\twant: "
              + arity
              + " operand"
              + (arity == 1 ? "" : "s"));
    }
    return new Operand.Call(callee, args, c.loc());
  }

  static SortedSet<String> names(Map<String, Integer> slots) {
    TreeSet<String> out = new TreeSet<>();
    for (String n : slots.keySet()) {
      if (!n.contains("$")) {
        out.add(n);
      }
    }
    return out;
  }
}
