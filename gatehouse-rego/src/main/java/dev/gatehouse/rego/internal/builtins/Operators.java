package dev.gatehouse.rego.internal.builtins;

import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.SetValue;
import dev.gatehouse.rego.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.TreeSet;

/**
 * Comparison, arithmetic, set and membership operators. Comparisons use OPA's total order across
 * types. Division is exact when the quotient terminates and float64 otherwise (OPA divides with
 * big.Float); {@code %} needs integers and keeps the dividend's sign, as Go does.
 */
final class Operators {
  private Operators() {}

  static void register(Registry r) {
    r.add("equal", 2, (a, c) -> BooleanValue.of(a[0].equals(a[1])));
    r.add("neq", 2, (a, c) -> BooleanValue.of(!a[0].equals(a[1])));
    r.add("lt", 2, (a, c) -> BooleanValue.of(a[0].compareTo(a[1]) < 0));
    r.add("lte", 2, (a, c) -> BooleanValue.of(a[0].compareTo(a[1]) <= 0));
    r.add("gt", 2, (a, c) -> BooleanValue.of(a[0].compareTo(a[1]) > 0));
    r.add("gte", 2, (a, c) -> BooleanValue.of(a[0].compareTo(a[1]) >= 0));
    r.add("plus", 2, (a, c) -> num(Args.number("plus", a, 0).add(Args.number("plus", a, 1))));
    r.add("minus", 2, (a, c) -> minus(a));
    r.add("mul", 2, (a, c) -> num(Args.number("mul", a, 0).multiply(Args.number("mul", a, 1))));
    r.add("div", 2, (a, c) -> divide(Args.number("div", a, 0), Args.number("div", a, 1)));
    r.add("rem", 2, (a, c) -> remainder(a));
    r.add("or", 2, (a, c) -> union(Args.set("or", a, 0), Args.set("or", a, 1)));
    r.add("and", 2, (a, c) -> intersect(Args.set("and", a, 0), Args.set("and", a, 1)));
    r.add("internal.member_2", 2, (a, c) -> BooleanValue.of(member(a[0], a[1])));
    r.add("internal.member_3", 3, (a, c) -> BooleanValue.of(member3(a[0], a[1], a[2])));
  }

  static NumberValue num(BigDecimal d) {
    return NumberValue.of(d);
  }

  private static Value minus(Value[] a) {
    if (a[0] instanceof SetValue x && a[1] instanceof SetValue y) {
      TreeSet<Value> out = new TreeSet<>(x.items());
      out.removeAll(y.items());
      return new SetValue(out);
    }
    if (a[0] instanceof NumberValue && a[1] instanceof NumberValue) {
      return num(Args.number("minus", a, 0).subtract(Args.number("minus", a, 1)));
    }
    String want = a[0] instanceof SetValue ? "set" : "number";
    int bad = a[0] instanceof SetValue || a[0] instanceof NumberValue ? 1 : 0;
    if (bad == 0) {
      want = "one of {number, set}";
    }
    throw Args.wrong("minus", bad, want, a[bad]);
  }

  static Value divide(BigDecimal x, BigDecimal y) {
    if (y.signum() == 0) {
      throw BuiltinException.failed("div", "divide by zero");
    }
    try {
      return num(x.divide(y));
    } catch (ArithmeticException nonTerminating) {
      double q = x.doubleValue() / y.doubleValue();
      if (Double.isFinite(q) && q != 0) {
        return num(new BigDecimal(Double.toString(q)));
      }
      return num(x.divide(y, java.math.MathContext.DECIMAL64));
    }
  }

  private static Value remainder(Value[] a) {
    BigDecimal x = Args.number("rem", a, 0);
    BigDecimal y = Args.number("rem", a, 1);
    if (x.scale() > 0 || y.scale() > 0) {
      throw BuiltinException.failed("rem", "modulo on floating-point number");
    }
    if (y.signum() == 0) {
      throw BuiltinException.failed("rem", "modulo by zero");
    }
    BigInteger r = x.toBigIntegerExact().remainder(y.toBigIntegerExact());
    return num(new BigDecimal(r));
  }

  static SetValue union(SetValue x, SetValue y) {
    TreeSet<Value> out = new TreeSet<>(x.items());
    out.addAll(y.items());
    return new SetValue(out);
  }

  static SetValue intersect(SetValue x, SetValue y) {
    TreeSet<Value> out = new TreeSet<>(x.items());
    out.retainAll(y.items());
    return new SetValue(out);
  }

  static boolean member(Value x, Value coll) {
    return switch (coll) {
      case ArrayValue arr -> arr.items().contains(x);
      case SetValue s -> s.contains(x);
      case ObjectValue o -> o.entries().containsValue(x);
      default -> false;
    };
  }

  private static boolean member3(Value k, Value v, Value coll) {
    return switch (coll) {
      case ArrayValue arr -> {
        if (!(k instanceof NumberValue n) || n.asLong().isEmpty()) {
          yield false;
        }
        long i = n.asLong().get();
        yield i >= 0 && i < arr.size() && arr.get((int) i).equals(v);
      }
      case ObjectValue o -> v.equals(o.entries().get(k));
      case SetValue s -> k.equals(v) && s.contains(v);
      default -> false;
    };
  }
}
