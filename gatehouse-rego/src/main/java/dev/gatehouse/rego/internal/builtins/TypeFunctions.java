package dev.gatehouse.rego.internal.builtins;

import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.NullValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.SetValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.util.Locale;
import java.util.regex.Pattern;

/** Type tests ({@code is_*} return true or false, never undefined), type_name and to_number. */
final class TypeFunctions {
  /** Go strconv.ParseFloat's decimal syntax (hex floats and underscores excluded). */
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private TypeFunctions() {}

  static void register(Registry r) {
    r.add("is_number", 1, (a, c) -> BooleanValue.of(a[0] instanceof NumberValue));
    r.add("is_string", 1, (a, c) -> BooleanValue.of(a[0] instanceof StringValue));
    r.add("is_boolean", 1, (a, c) -> BooleanValue.of(a[0] instanceof BooleanValue));
    r.add("is_array", 1, (a, c) -> BooleanValue.of(a[0] instanceof ArrayValue));
    r.add("is_set", 1, (a, c) -> BooleanValue.of(a[0] instanceof SetValue));
    r.add("is_object", 1, (a, c) -> BooleanValue.of(a[0] instanceof ObjectValue));
    r.add("is_null", 1, (a, c) -> BooleanValue.of(a[0] instanceof NullValue));
    r.add("type_name", 1, (a, c) -> new StringValue(a[0].typeName()));
    r.add("to_number", 1, (a, c) -> toNumber(a));
  }

  private static Value toNumber(Value[] a) {
    return switch (a[0]) {
      case NullValue n -> NumberValue.of(0);
      case BooleanValue b -> NumberValue.of(b.value() ? 1 : 0);
      case NumberValue n -> n;
      case StringValue s -> parse(s.value());
      default -> throw Args.wrong("to_number", 0, "one of {boolean, null, number, string}", a[0]);
    };
  }

  private static Value parse(String s) {
    String lower = s.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
    if (lower.equals("inf") || lower.equals("infinity") || lower.equals("nan")) {
      throw BuiltinException.failed("to_number", "invalid syntax");
    }
    if (!FLOAT.matcher(s).matches()) {
      throw BuiltinException.failed(
          "to_number", "strconv.ParseFloat: parsing \"" + s + "\": invalid syntax");
    }
    try {
      return NumberValue.parse(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      throw BuiltinException.failed(
          "to_number", "strconv.ParseFloat: parsing \"" + s + "\": value out of range");
    }
  }
}
