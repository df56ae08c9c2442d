package dev.gatehouse.rego.internal.builtins;

import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.SetValue;
import dev.gatehouse.rego.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Array, set and object builtins, {@code numbers.range} and the {@code walk} relation. */
final class CollectionFunctions {
  private CollectionFunctions() {}

  static void register(Registry r) {
    r.add("array.concat", 2, (a, c) -> arrayConcat(a));
    r.add("array.slice", 3, (a, c) -> slice(a));
    r.add("array.reverse", 1, (a, c) -> reverse(Args.array("array.reverse", a, 0)));
    r.add("union", 1, (a, c) -> unionAll(a));
    r.add("intersection", 1, (a, c) -> intersectAll(a));
    r.add("object.get", 3, (a, c) -> objectGet(a));
    r.add(
        "object.keys",
        1,
        (a, c) -> new SetValue(new TreeSet<>(Args.object("object.keys", a, 0).entries().keySet())));
    r.add("object.remove", 2, (a, c) -> filter("object.remove", a, false));
    r.add("object.filter", 2, (a, c) -> filter("object.filter", a, true));
    r.add(
        "object.union",
        2,
        (a, c) -> merge(Args.object("object.union", a, 0), Args.object("object.union", a, 1)));
    r.add("object.union_n", 1, (a, c) -> unionN(a));
    r.add("numbers.range", 2, CollectionFunctions::range);
    r.relation("walk", 1, (a, c) -> walk(a[0], c));
  }

  private static Value arrayConcat(Value[] a) {
    List<Value> out = new ArrayList<>(Args.array("array.concat", a, 0));
    out.addAll(Args.array("array.concat", a, 1));
    return new ArrayValue(out);
  }

  private static Value slice(Value[] a) {
    List<Value> arr = Args.array("array.slice", a, 0);
    int start = Math.max(0, Args.integer("array.slice", a, 1));
    int stop = Math.min(arr.size(), Args.integer("array.slice", a, 2));
    return start >= stop ? ArrayValue.EMPTY : new ArrayValue(arr.subList(start, stop));
  }

  private static Value reverse(List<Value> arr) {
    return new ArrayValue(arr.reversed());
  }

  private static Value unionAll(Value[] a) {
    TreeSet<Value> out = new TreeSet<>();
    for (Value v : Args.set("union", a, 0).items()) {
      if (!(v instanceof SetValue s)) {
        throw Args.wrong("union", 0, "set of sets", v);
      }
      out.addAll(s.items());
    }
    return new SetValue(out);
  }

  private static Value intersectAll(Value[] a) {
    TreeSet<Value> out = null;
    for (Value v : Args.set("intersection", a, 0).items()) {
      if (!(v instanceof SetValue s)) {
        throw Args.wrong("intersection", 0, "set of sets", v);
      }
      if (out == null) {
        out = new TreeSet<>(s.items());
      } else {
        out.retainAll(s.items());
      }
    }
    return out == null ? SetValue.EMPTY : new SetValue(out);
  }

  private static Value objectGet(Value[] a) {
    ObjectValue o = Args.object("object.get", a, 0);
    Value direct = o.get(a[1]);
    if (direct != null) {
      return direct;
    }
    if (!(a[1] instanceof ArrayValue path)) {
      return a[2];
    }
    Value cur = o;
    for (Value k : path.items()) {
      Value next = cur instanceof ObjectValue obj ? obj.get(k) : null;
      if (next == null) {
        return a[2];
      }
      cur = next;
    }
    return cur;
  }

  private static Value filter(String fn, Value[] a, boolean keep) {
    ObjectValue o = Args.object(fn, a, 0);
    Collection<Value> keys =
        switch (a[1]) {
          case ArrayValue arr -> arr.items();
          case SetValue s -> s.items();
          case ObjectValue obj -> obj.entries().keySet();
          default -> throw Args.wrong(fn, 1, "one of {array, object, set}", a[1]);
        };
    Set<Value> ks = new HashSet<>(keys);
    TreeMap<Value, Value> out = new TreeMap<>();
    o.entries()
        .forEach(
            (k, v) -> {
              if (ks.contains(k) == keep) {
                out.put(k, v);
              }
            });
    return new ObjectValue(out);
  }

  static ObjectValue merge(ObjectValue x, ObjectValue y) {
    TreeMap<Value, Value> out = new TreeMap<>(x.entries());
    for (Map.Entry<Value, Value> e : y.entries().entrySet()) {
      Value old = out.get(e.getKey());
      if (old instanceof ObjectValue ox && e.getValue() instanceof ObjectValue oy) {
        out.put(e.getKey(), merge(ox, oy));
      } else {
        out.put(e.getKey(), e.getValue());
      }
    }
    return new ObjectValue(out);
  }

  private static Value unionN(Value[] a) {
    ObjectValue acc = ObjectValue.EMPTY;
    for (Value v : Args.array("object.union_n", a, 0)) {
      if (!(v instanceof ObjectValue o)) {
        throw Args.wrong("object.union_n", 0, "array of objects", v);
      }
      acc = merge(acc, o);
    }
    return acc;
  }

  private static Value range(Value[] a, Builtin.Context c) {
    BigInteger from = integral("numbers.range", a, 0);
    BigInteger to = integral("numbers.range", a, 1);
    BigInteger diff = to.subtract(from).abs();
    c.charge(diff.bitLength() > 62 ? Long.MAX_VALUE : diff.longValue() + 1);
    long n = diff.longValue() + 1;
    List<Value> out = new ArrayList<>((int) Math.min(n, 1 << 16));
    BigInteger step = from.compareTo(to) <= 0 ? BigInteger.ONE : BigInteger.ONE.negate();
    for (BigInteger i = from; ; i = i.add(step)) {
      out.add(NumberValue.of(new java.math.BigDecimal(i)));
      if (i.equals(to)) {
        return new ArrayValue(out);
      }
    }
  }

  private static BigInteger integral(String fn, Value[] a, int i) {
    if (!(a[i] instanceof NumberValue n)) {
      throw Args.wrong(fn, i, "number", a[i]);
    }
    if (!n.isInteger()) {
      throw BuiltinException.failed(
          fn, "operand " + (i + 1) + " must be integer number but got floating-point number");
    }
    return n.value().toBigIntegerExact();
  }

  private static Value walk(Value root, Builtin.Context c) {
    List<Value> out = new ArrayList<>();
    walk(new ArrayList<>(), root, out, c);
    return new ArrayValue(out);
  }

  private static void walk(List<Value> path, Value v, List<Value> out, Builtin.Context c) {
    c.charge(1);
    out.add(ArrayValue.of(new ArrayValue(path), v));
    switch (v) {
      case ArrayValue arr -> {
        for (int i = 0; i < arr.size(); i++) {
          descend(path, NumberValue.of(i), arr.get(i), out, c);
        }
      }
      case ObjectValue o -> o.entries().forEach((k, x) -> descend(path, k, x, out, c));
      case SetValue s -> s.items().forEach(x -> descend(path, x, x, out, c));
      default -> {}
    }
  }

  private static void descend(
      List<Value> path, Value key, Value v, List<Value> out, Builtin.Context c) {
    path.add(key);
    walk(path, v, out, c);
    path.removeLast();
  }
}
