package dev.gatehouse.rego.internal.builtins;

import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.SetValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Aggregates over collections: count, sum, product, max, min, sort, any, all. */
final class Aggregates {
  private Aggregates() {}

  static void register(Registry r) {
    r.add("count", 1, (a, c) -> NumberValue.of(count(a)));
    r.add("sum", 1, (a, c) -> fold("sum", a, BigDecimal.ZERO, true));
    r.add("product", 1, (a, c) -> fold("product", a, BigDecimal.ONE, false));
    r.add("max", 1, (a, c) -> extreme(Args.arrayOrSet("max", a, 0), true));
    r.add("min", 1, (a, c) -> extreme(Args.arrayOrSet("min", a, 0), false));
    r.add("sort", 1, (a, c) -> sort(Args.arrayOrSet("sort", a, 0)));
    r.add(
        "any",
        1,
        (a, c) -> BooleanValue.of(Args.arrayOrSet("any", a, 0).contains(BooleanValue.TRUE)));
    r.add("all", 1, (a, c) -> all(Args.arrayOrSet("all", a, 0)));
  }

  static int count(Value[] a) {
    return switch (a[0]) {
      case ArrayValue arr -> arr.size();
      case ObjectValue o -> o.size();
      case SetValue s -> s.size();
      case StringValue s -> s.value().codePointCount(0, s.value().length());
      default -> throw Args.wrong("count", 0, "one of {array, object, set, string}", a[0]);
    };
  }

  private static Value fold(String fn, Value[] a, BigDecimal init, boolean add) {
    BigDecimal acc = init;
    for (Value v : Args.arrayOrSet(fn, a, 0)) {
      if (!(v instanceof NumberValue n)) {
        throw Args.wrong(fn, 0, "array or set of numbers", v);
      }
      acc = add ? acc.add(n.value()) : acc.multiply(n.value());
    }
    return NumberValue.of(acc);
  }

  private static @Nullable Value extreme(Collection<Value> vs, boolean max) {
    Value best = null;
    for (Value v : vs) {
      if (best == null || (max ? v.compareTo(best) > 0 : v.compareTo(best) < 0)) {
        best = v;
      }
    }
    return best;
  }

  private static Value sort(Collection<Value> vs) {
    List<Value> out = new ArrayList<>(vs);
    Collections.sort(out);
    return new ArrayValue(out);
  }

  private static Value all(Collection<Value> vs) {
    for (Value v : vs) {
      if (!v.equals(BooleanValue.TRUE)) {
        return BooleanValue.FALSE;
      }
    }
    return BooleanValue.TRUE;
  }
}
