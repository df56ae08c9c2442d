package dev.gatehouse.rego.internal.builtins;

import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.SetValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Operand checks with OPA's messages: {@code fn: operand 1 must be string but got number}. */
final class Args {
  private Args() {}

  static BuiltinException wrong(String fn, int i, String want, Value got) {
    return BuiltinException.type(
        fn, "operand " + (i + 1) + " must be " + want + " but got " + got.typeName());
  }

  static String string(String fn, Value[] a, int i) {
    if (a[i] instanceof StringValue s) {
      return s.value();
    }
    throw wrong(fn, i, "string", a[i]);
  }

  static BigDecimal number(String fn, Value[] a, int i) {
    if (a[i] instanceof NumberValue n) {
      return n.value();
    }
    throw wrong(fn, i, "number", a[i]);
  }

  static int integer(String fn, Value[] a, int i) {
    BigDecimal d = number(fn, a, i);
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      throw BuiltinException.failed(fn, "operand " + (i + 1) + " must be integer number");
    }
  }

  static List<Value> array(String fn, Value[] a, int i) {
    if (a[i] instanceof ArrayValue arr) {
      return arr.items();
    }
    throw wrong(fn, i, "array", a[i]);
  }

  static ObjectValue object(String fn, Value[] a, int i) {
    if (a[i] instanceof ObjectValue o) {
      return o;
    }
    throw wrong(fn, i, "object", a[i]);
  }

  static SetValue set(String fn, Value[] a, int i) {
    if (a[i] instanceof SetValue s) {
      return s;
    }
    throw wrong(fn, i, "set", a[i]);
  }

  /** The members of an array or set. */
  static Collection<Value> arrayOrSet(String fn, Value[] a, int i) {
    return switch (a[i]) {
      case ArrayValue arr -> arr.items();
      case SetValue s -> s.items();
      default -> throw wrong(fn, i, "one of {array, set}", a[i]);
    };
  }

  /** Strings from a string, or an array or set of strings. */
  static List<String> strings(String fn, Value[] a, int i) {
    List<String> out = new ArrayList<>();
    switch (a[i]) {
      case StringValue s -> out.add(s.value());
      case ArrayValue arr -> addStrings(fn, i, arr.items(), out);
      case SetValue s -> addStrings(fn, i, s.items(), out);
      default -> throw wrong(fn, i, "one of {string, array, set}", a[i]);
    }
    return out;
  }

  private static void addStrings(String fn, int i, Collection<Value> vs, List<String> out) {
    for (Value v : vs) {
      if (!(v instanceof StringValue s)) {
        throw wrong(fn, i, "array or set of strings", v);
      }
      out.add(s.value());
    }
  }

  static StringValue str(String s) {
    return new StringValue(s);
  }
}
