package dev.gatehouse.rego.internal.eval;

import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.Location;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.SetValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import dev.gatehouse.rego.internal.builtins.Builtin;
import dev.gatehouse.rego.internal.builtins.BuiltinException;
import dev.gatehouse.rego.internal.eval.Operand.BuiltinCallee;
import dev.gatehouse.rego.internal.eval.Operand.FunctionCallee;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Top-down evaluation of planned goals with continuations.
 *
 * <p>Design note (after OPA's v1/topdown/eval.go): every step takes a continuation; a step that can
 * succeed several times (iteration over a reference with an unbound variable, unification that
 * binds, a relation builtin) calls its continuation once per solution and undoes its bindings
 * afterwards, so no trail is needed. A continuation returns {@code true} to stop the search, which
 * is how {@code not} and the first-solution checks end early; no exceptions are used for control
 * flow. Rule values are computed whole (complete, partial set, partial object) and cached per
 * evaluation; {@code with} swaps input, data overlays and the cache for one literal. Conflicts,
 * strict builtin errors and exhausted step or time budgets abort with a {@link RegoException}.
 */
@SuppressWarnings("ArrayRecordComponent") // planned form: arrays for speed, never compared
public final class Evaluator implements Builtin.Context {
  static final Value UNDEFINED = new StringValue("\u0000undefined");

  /** Limits for one evaluation; {@code deadlineNanos} is on the {@link System#nanoTime} clock. */
  public record Limits(long stepLimit, long deadlineNanos, boolean strict) {}

  /** One solution of a query: values of the query's variables and expressions (null if none). */
  public record Solution(@Nullable Value[] bindings, @Nullable Value[] expressions) {}

  @FunctionalInterface
  interface Cont {
    boolean run();
  }

  @FunctionalInterface
  interface ValueCont {
    boolean accept(Value v);
  }

  private record Overlay(List<String> path, Value value) {}

  private final DataNode root;
  private final Limits limits;
  private final long now = System.currentTimeMillis() * 1_000_000L;
  private @Nullable Value input;
  private final Value data;
  private List<Overlay> overlays = List.of();
  private @Nullable Value[] cache;
  private @Nullable Value @Nullable [] report;
  private long steps;

  /** An evaluator over the compiled rule tree, input (null when absent) and base data. */
  public Evaluator(DataNode root, int ruleCount, @Nullable Value input, Value data, Limits limits) {
    this.root = root;
    this.input = input;
    this.data = data;
    this.limits = limits;
    this.cache = new Value[ruleCount];
  }

  /** Runs a query body and returns every solution. */
  public List<Solution> query(Goal[] body, int frameSize, int[] outputs, int expressionCount) {
    Frame f = new Frame(frameSize);
    List<Solution> out = new ArrayList<>();
    @Nullable Value[] values = new Value[expressionCount];
    report = values;
    evalGoals(
        body,
        0,
        f,
        () -> {
          @Nullable Value[] b = new Value[outputs.length];
          for (int i = 0; i < outputs.length; i++) {
            b[i] = f.slots[outputs[i]];
          }
          out.add(new Solution(b, values.clone()));
          return false;
        });
    return out;
  }

  // ---- limits and builtin context ----

  private void step() {
    if (++steps > limits.stepLimit()) {
      throw cancel("step limit of " + limits.stepLimit() + " exceeded");
    }
    if ((steps & 0x3ff) == 0 && System.nanoTime() - limits.deadlineNanos() > 0) {
      throw cancel("evaluation timed out");
    }
  }

  private static RegoException cancel(String message) {
    return new RegoException(RegoException.CANCEL, Location.NONE, message);
  }

  @Override
  public long nowNanos() {
    return now;
  }

  @Override
  public void charge(long n) {
    if (n > limits.stepLimit() - steps) {
      steps = limits.stepLimit();
      throw cancel("step limit of " + limits.stepLimit() + " exceeded");
    }
    steps += n;
  }

  // ---- goals ----

  boolean evalGoals(Goal[] body, int i, Frame f, Cont k) {
    if (i == body.length) {
      return k.run();
    }
    return evalGoal(body[i], f, () -> evalGoals(body, i + 1, f, k));
  }

  private boolean evalGoal(Goal g, Frame f, Cont k) {
    step();
    return switch (g) {
      case Goal.Test t -> evalTerm(t.term(), f, v -> test(t, v, k));
      case Goal.Unify u -> unify(u.left(), u.right(), f, k);
      case Goal.Not n -> !evalGoal(n.inner(), f, () -> true) && k.run();
      case Goal.SomeIn s -> evalTerm(s.collection(), f, c -> someIn(s, c, f, k));
      case Goal.Every e -> evalTerm(e.domain(), f, d -> every(e, d, f) && k.run());
      case Goal.With w -> with(w, f, k);
    };
  }

  private boolean test(Goal.Test t, Value v, Cont k) {
    if (v == BooleanValue.FALSE || v.equals(BooleanValue.FALSE)) {
      return false;
    }
    if (t.report() >= 0 && report != null) {
      report[t.report()] = v;
    }
    return k.run();
  }

  private boolean someIn(Goal.SomeIn s, Value coll, Frame f, Cont k) {
    Operand key = s.key();
    return Collections2.forEach(
        coll,
        (kv, vv) ->
            key == null
                ? match(s.value(), vv, f, k)
                : match(key, kv, f, () -> match(s.value(), vv, f, k)));
  }

  private boolean every(Goal.Every e, Value domain, Frame f) {
    Operand key = e.key();
    Cont body = () -> evalGoals(e.body(), 0, f, () -> true);
    boolean failed =
        Collections2.forEach(
            domain,
            (kv, vv) -> {
              step();
              boolean ok =
                  key == null
                      ? match(e.value(), vv, f, body)
                      : match(key, kv, f, () -> match(e.value(), vv, f, body));
              return !ok;
            });
    return !failed;
  }

  // ---- unification ----

  private boolean unify(Operand a, Operand b, Frame f, Cont k) {
    if (isPattern(a, f)) {
      if (isPattern(b, f)) {
        return unifyPatterns(a, b, f, k);
      }
      return evalTerm(b, f, v -> match(a, v, f, k));
    }
    return evalTerm(a, f, v -> match(b, v, f, k));
  }

  private boolean unifyPatterns(Operand a, Operand b, Frame f, Cont k) {
    if (a instanceof Operand.ArrayOf x && b instanceof Operand.ArrayOf y) {
      return x.items().length == y.items().length && unifyAll(x.items(), y.items(), 0, f, k);
    }
    if (a instanceof Operand.ObjectOf x && b instanceof Operand.ObjectOf y) {
      return x.keys().length == y.keys().length
          && evalTerm(
              new Operand.ArrayOf(x.keys()),
              f,
              xk ->
                  evalTerm(
                      new Operand.ArrayOf(y.keys()), f, yk -> unifyObjects(x, y, xk, yk, f, k)));
    }
    return false;
  }

  private boolean unifyObjects(
      Operand.ObjectOf x, Operand.ObjectOf y, Value xk, Value yk, Frame f, Cont k) {
    List<Value> xs = ((ArrayValue) xk).items();
    List<Value> ys = ((ArrayValue) yk).items();
    Operand[] left = new Operand[xs.size()];
    Operand[] right = new Operand[xs.size()];
    for (int i = 0; i < xs.size(); i++) {
      int j = ys.indexOf(xs.get(i));
      if (j < 0) {
        return false;
      }
      left[i] = x.values()[i];
      right[i] = y.values()[j];
    }
    return unifyAll(left, right, 0, f, k);
  }

  private boolean unifyAll(Operand[] a, Operand[] b, int i, Frame f, Cont k) {
    if (i == a.length) {
      return k.run();
    }
    return unify(a[i], b[i], f, () -> unifyAll(a, b, i + 1, f, k));
  }

  /** Whether {@code t} still has unbound variables in pattern positions. */
  private static boolean isPattern(Operand t, Frame f) {
    return switch (t) {
      case Operand.Local l -> f.slots[l.slot()] == null;
      case Operand.ArrayOf a -> anyPattern(a.items(), f);
      case Operand.ObjectOf o -> anyPattern(o.values(), f);
      default -> false;
    };
  }

  private static boolean anyPattern(Operand[] ts, Frame f) {
    for (Operand t : ts) {
      if (isPattern(t, f)) {
        return true;
      }
    }
    return false;
  }

  /** Matches pattern {@code p} against the ground value {@code v}, binding variables. */
  boolean match(Operand p, Value v, Frame f, Cont k) {
    switch (p) {
      case Operand.Const c -> {
        return c.value().equals(v) && k.run();
      }
      case Operand.Local l -> {
        Value cur = f.slots[l.slot()];
        if (cur != null) {
          return cur.equals(v) && k.run();
        }
        f.slots[l.slot()] = v;
        try {
          return k.run();
        } finally {
          f.slots[l.slot()] = null;
        }
      }
      case Operand.ArrayOf a -> {
        return v instanceof ArrayValue arr
            && arr.size() == a.items().length
            && matchItems(a.items(), arr.items(), 0, f, k);
      }
      case Operand.ObjectOf o -> {
        return v instanceof ObjectValue obj
            && obj.size() == o.keys().length
            && matchEntries(o, obj, 0, f, k);
      }
      default -> {
        return evalTerm(p, f, pv -> pv.equals(v) && k.run());
      }
    }
  }

  private boolean matchItems(Operand[] ps, List<Value> vs, int i, Frame f, Cont k) {
    if (i == ps.length) {
      return k.run();
    }
    return match(ps[i], vs.get(i), f, () -> matchItems(ps, vs, i + 1, f, k));
  }

  private boolean matchEntries(Operand.ObjectOf o, ObjectValue obj, int i, Frame f, Cont k) {
    if (i == o.keys().length) {
      return k.run();
    }
    return evalTerm(
        o.keys()[i],
        f,
        key -> {
          Value member = obj.get(key);
          return member != null
              && match(o.values()[i], member, f, () -> matchEntries(o, obj, i + 1, f, k));
        });
  }

  // ---- terms ----

  boolean evalTerm(Operand t, Frame f, ValueCont k) {
    return switch (t) {
      case Operand.Const c -> k.accept(c.value());
      case Operand.Local l -> {
        Value v = f.slots[l.slot()];
        yield v != null && k.accept(v);
      }
      case Operand.InputRef r -> input != null && evalPath(input, r.path(), 0, f, k);
      case Operand.DataRef r -> evalData(r.path(), f, k);
      case Operand.LocalRef r -> evalTerm(r.head(), f, h -> evalPath(h, r.path(), 0, f, k));
      case Operand.Call c -> evalArgs(c, 0, new Value[c.args().length], f, k);
      case Operand.ArrayOf a ->
          evalItems(
              a.items(),
              0,
              new Value[a.items().length],
              f,
              vs -> k.accept(new ArrayValue(java.util.Arrays.asList(vs))));
      case Operand.SetOf s ->
          evalItems(s.items(), 0, new Value[s.items().length], f, vs -> k.accept(SetValue.of(vs)));
      case Operand.ObjectOf o -> evalObject(o, f, k);
      case Operand.Compr c -> k.accept(comprehension(c, f));
    };
  }

  @FunctionalInterface
  private interface ItemsCont {
    boolean accept(Value[] values);
  }

  private boolean evalItems(Operand[] ts, int i, Value[] out, Frame f, ItemsCont k) {
    if (i == ts.length) {
      return k.accept(out.clone());
    }
    return evalTerm(
        ts[i],
        f,
        v -> {
          out[i] = v;
          return evalItems(ts, i + 1, out, f, k);
        });
  }

  private boolean evalObject(Operand.ObjectOf o, Frame f, ValueCont k) {
    return evalItems(
        o.keys(),
        0,
        new Value[o.keys().length],
        f,
        keys ->
            evalItems(
                o.values(),
                0,
                new Value[o.values().length],
                f,
                values -> {
                  TreeMap<Value, Value> m = new TreeMap<>();
                  for (int i = 0; i < keys.length; i++) {
                    m.put(keys[i], values[i]);
                  }
                  return k.accept(new ObjectValue(m));
                }));
  }

  private Value comprehension(Operand.Compr c, Frame f) {
    switch (c.kind()) {
      case ARRAY -> {
        List<Value> out = new ArrayList<>();
        evalGoals(
            c.body(),
            0,
            f,
            () ->
                evalTerm(
                    c.head(),
                    f,
                    v -> {
                      out.add(v);
                      return false;
                    }));
        return new ArrayValue(out);
      }
      case SET -> {
        TreeSet<Value> out = new TreeSet<>();
        evalGoals(
            c.body(),
            0,
            f,
            () ->
                evalTerm(
                    c.head(),
                    f,
                    v -> {
                      out.add(v);
                      return false;
                    }));
        return new SetValue(out);
      }
      default -> {
        TreeMap<Value, Value> out = new TreeMap<>();
        Operand valueTerm = java.util.Objects.requireNonNull(c.value());
        evalGoals(
            c.body(),
            0,
            f,
            () ->
                evalTerm(
                    c.head(),
                    f,
                    key ->
                        evalTerm(
                            valueTerm,
                            f,
                            v -> {
                              Value old = out.put(key, v);
                              if (old != null && !old.equals(v)) {
                                throw new RegoException(
                                    RegoException.CONFLICT,
                                    Location.NONE,
                                    "object keys must be unique");
                              }
                              return false;
                            })));
        return new ObjectValue(out);
      }
    }
  }

  // ---- calls ----

  private boolean evalArgs(Operand.Call c, int i, Value[] args, Frame f, ValueCont k) {
    if (i == args.length) {
      return invoke(c, args.clone(), k);
    }
    return evalTerm(
        c.args()[i],
        f,
        v -> {
          args[i] = v;
          return evalArgs(c, i + 1, args, f, k);
        });
  }

  private boolean invoke(Operand.Call c, Value[] args, ValueCont k) {
    step();
    return switch (c.callee()) {
      case BuiltinCallee b -> callBuiltin(b.builtin(), c.loc(), args, k);
      case FunctionCallee fn -> {
        Value r = callFunction(fn.function(), args);
        yield r != null && k.accept(r);
      }
    };
  }

  private boolean callBuiltin(Builtin b, Location loc, Value[] args, ValueCont k) {
    Value r;
    try {
      r = b.impl().apply(args, this);
    } catch (BuiltinException e) {
      if (limits.strict()) {
        throw new RegoException(e.code(), loc, String.valueOf(e.getMessage()));
      }
      return false;
    } catch (ArithmeticException e) {
      if (limits.strict()) {
        throw new RegoException(RegoException.BUILTIN, loc, b.name() + ": " + e.getMessage());
      }
      return false;
    }
    if (r == null) {
      return false;
    }
    if (b.relation()) {
      for (Value v : ((ArrayValue) r).items()) {
        if (k.accept(v)) {
          return true;
        }
      }
      return false;
    }
    return k.accept(r);
  }

  // ---- references ----

  private boolean evalPath(Value v, Operand[] path, int i, Frame f, ValueCont k) {
    if (i == path.length) {
      return k.accept(v);
    }
    Operand seg = path[i];
    if (seg instanceof Operand.Const c) {
      Value child = Collections2.lookup(v, c.value());
      return child != null && evalPath(child, path, i + 1, f, k);
    }
    if (isPattern(seg, f)) {
      return Collections2.forEach(
          v,
          (key, child) -> {
            step();
            return match(seg, key, f, () -> evalPath(child, path, i + 1, f, k));
          });
    }
    return evalTerm(
        seg,
        f,
        key -> {
          Value child = Collections2.lookup(v, key);
          return child != null && evalPath(child, path, i + 1, f, k);
        });
  }

  private boolean evalData(Operand[] path, Frame f, ValueCont k) {
    if (!overlays.isEmpty()) {
      DataView.Resolved r = DataView.resolve(this, path, f);
      if (r != null) {
        return r.value() != null && evalPath(r.value(), path, r.depth(), f, k);
      }
    }
    return evalNode(root, data, path, 0, f, k);
  }

  private boolean evalNode(
      @Nullable DataNode node, @Nullable Value base, Operand[] path, int i, Frame f, ValueCont k) {
    if (node == null) {
      return base != null && evalPath(base, path, i, f, k);
    }
    RuleSet rs = node.rules();
    if (rs != null) {
      Value v = ruleValue(rs);
      return v != null && evalPath(v, path, i, f, k);
    }
    if (i == path.length) {
      return k.accept(materialize(node, base));
    }
    Operand seg = path[i];
    if (isPattern(seg, f)) {
      return evalPath(materialize(node, base), path, i, f, k);
    }
    return evalTerm(
        seg,
        f,
        key -> {
          Value baseChild = base == null ? null : Collections2.lookup(base, key);
          DataNode child = key instanceof StringValue s ? node.get(s.value()) : null;
          return evalNode(child, baseChild, path, i + 1, f, k);
        });
  }

  /** The document at {@code node}: base data with the values of all rules below overlaid. */
  Value materialize(DataNode node, @Nullable Value base) {
    RuleSet rs = node.rules();
    if (rs != null) {
      Value v = ruleValue(rs);
      return v == null ? UNDEFINED : v;
    }
    TreeMap<Value, Value> out =
        base instanceof ObjectValue o ? new TreeMap<>(o.entries()) : new TreeMap<>();
    for (Map.Entry<String, DataNode> e : node.children().entrySet()) {
      StringValue key = new StringValue(e.getKey());
      RuleSet child = e.getValue().rules();
      if (child != null && child.kind() == dev.gatehouse.rego.internal.ast.Rule.Kind.FUNCTION) {
        continue;
      }
      Value v = materialize(e.getValue(), out.get(key));
      if (v == UNDEFINED) {
        out.remove(key);
      } else {
        out.put(key, v);
      }
    }
    return new ObjectValue(out);
  }

  // ---- rules ----

  /** The value of a rule set (complete, partial set or object), or null when undefined. */
  @Nullable Value ruleValue(RuleSet rs) {
    Value cached = cache[rs.index()];
    if (cached != null) {
      return cached == UNDEFINED ? null : cached;
    }
    Value v =
        switch (rs.kind()) {
          case COMPLETE -> completeValue(rs);
          case PARTIAL_SET -> setValue(rs);
          case PARTIAL_OBJECT -> objectValue(rs);
          case FUNCTION -> rs.arity() == 0 ? callFunction(rs, new Value[0]) : null;
        };
    cache[rs.index()] = v == null ? UNDEFINED : v;
    return v;
  }

  private @Nullable Value completeValue(RuleSet rs) {
    Value result = null;
    for (CompiledRule r : rs.rules()) {
      Value v = chainValue(r, null, "complete rules must not produce multiple outputs");
      if (v != null) {
        if (result != null && !result.equals(v)) {
          throw conflict(r.loc(), "complete rules must not produce multiple outputs");
        }
        result = v;
      }
    }
    return result != null ? result : defaultValue(rs);
  }

  private @Nullable Value defaultValue(RuleSet rs) {
    CompiledRule d = rs.defaultRule();
    if (d == null) {
      return null;
    }
    Value[] out = new Value[1];
    evalTerm(
        d.value(),
        new Frame(d.frameSize()),
        v -> {
          out[0] = v;
          return true;
        });
    return out[0];
  }

  /** Evaluates a definition and its else chain; the first defined value wins. */
  private @Nullable Value chainValue(CompiledRule first, Value @Nullable [] args, String conflict) {
    for (CompiledRule r = first; r != null; r = r.elseRule()) {
      Frame f = new Frame(r.frameSize());
      Value[] found = new Value[1];
      CompiledRule rule = r;
      Cont body =
          () ->
              evalGoals(
                  rule.body(),
                  0,
                  f,
                  () ->
                      evalTerm(
                          rule.value(),
                          f,
                          v -> {
                            if (found[0] != null && !found[0].equals(v)) {
                              throw conflict(rule.loc(), conflict);
                            }
                            found[0] = v;
                            return false;
                          }));
      if (args == null) {
        body.run();
      } else {
        matchItems(r.params(), java.util.Arrays.asList(args), 0, f, body);
      }
      if (found[0] != null) {
        return found[0];
      }
    }
    return null;
  }

  private Value setValue(RuleSet rs) {
    TreeSet<Value> out = new TreeSet<>();
    for (CompiledRule r : rs.rules()) {
      Frame f = new Frame(r.frameSize());
      Operand key = java.util.Objects.requireNonNull(r.key());
      evalGoals(
          r.body(),
          0,
          f,
          () ->
              evalTerm(
                  key,
                  f,
                  v -> {
                    out.add(v);
                    return false;
                  }));
    }
    return new SetValue(out);
  }

  private Value objectValue(RuleSet rs) {
    TreeMap<Value, Value> out = new TreeMap<>();
    for (CompiledRule r : rs.rules()) {
      Frame f = new Frame(r.frameSize());
      Operand keyTerm = java.util.Objects.requireNonNull(r.key());
      evalGoals(
          r.body(),
          0,
          f,
          () ->
              evalTerm(
                  keyTerm,
                  f,
                  key ->
                      evalTerm(
                          r.value(),
                          f,
                          v -> {
                            Value old = out.put(key, v);
                            if (old != null && !old.equals(v)) {
                              throw conflict(r.loc(), "object keys must be unique");
                            }
                            return false;
                          })));
    }
    return new ObjectValue(out);
  }

  /** Calls a user function; null when no definition applies. */
  private @Nullable Value callFunction(RuleSet fn, Value[] args) {
    Value result = null;
    String message = "functions must not produce multiple outputs for same inputs";
    for (CompiledRule r : fn.rules()) {
      Value v = chainValue(r, args, message);
      if (v != null) {
        if (result != null && !result.equals(v)) {
          throw conflict(r.loc(), message);
        }
        result = v;
      }
    }
    return result != null ? result : defaultValue(fn);
  }

  private static RegoException conflict(Location loc, String message) {
    return new RegoException(RegoException.CONFLICT, loc, message);
  }

  // ---- with ----

  private boolean with(Goal.With w, Frame f, Cont k) {
    List<Goal.Replacement> rs = w.replacements();
    Value[] values = new Value[rs.size()];
    for (int i = 0; i < rs.size(); i++) {
      int j = i;
      if (!evalTerm(
          rs.get(i).value(),
          f,
          v -> {
            values[j] = v;
            return true;
          })) {
        return false;
      }
    }
    State outer = save();
    Value newInput = input;
    List<Overlay> newOverlays = new ArrayList<>(overlays);
    for (int i = 0; i < rs.size(); i++) {
      Goal.Replacement r = rs.get(i);
      if (r.input()) {
        newInput = Collections2.setPath(newInput, r.path(), 0, values[i]);
      } else {
        newOverlays.add(new Overlay(r.path(), values[i]));
      }
    }
    State inner = new State(newInput, List.copyOf(newOverlays), new Value[cache.length]);
    restore(inner);
    try {
      return evalGoal(
          w.inner(),
          f,
          () -> {
            State mine = save();
            restore(outer);
            try {
              return k.run();
            } finally {
              restore(mine);
            }
          });
    } finally {
      restore(outer);
    }
  }

  private record State(@Nullable Value input, List<Overlay> overlays, @Nullable Value[] cache) {}

  private State save() {
    return new State(input, overlays, cache);
  }

  private void restore(State s) {
    input = s.input();
    overlays = s.overlays();
    cache = s.cache();
  }

  // ---- accessors for DataView ----

  DataNode root() {
    return root;
  }

  Value baseData() {
    return data;
  }

  List<List<String>> overlayPaths() {
    List<List<String>> out = new ArrayList<>();
    for (Overlay o : overlays) {
      out.add(o.path());
    }
    return out;
  }

  Value overlayValue(int i) {
    return overlays.get(i).value();
  }
}
