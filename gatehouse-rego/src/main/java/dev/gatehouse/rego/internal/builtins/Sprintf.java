package dev.gatehouse.rego.internal.builtins;

import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import dev.gatehouse.rego.internal.json.GoQuote;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * OPA's {@code sprintf}: Go's {@code fmt.Sprintf} over converted operands.
 *
 * <p>Design note (OPA topdown/strings.go): a number becomes int64 when it is an integer that fits,
 * else a big.Int when integral, else float64; a string becomes a Go string (so {@code %v} prints it
 * unquoted); every other value keeps its Rego text form ({@code [1, "a"]}, {@code {"a": 1}}, {@code
 * set()}). Go's error markers ({@code %!d(string=x)}, {@code %!v(MISSING)}, {@code %!(EXTRA ...)})
 * are reproduced.
 */
final class Sprintf {
  private Sprintf() {}

  private record Spec(
      boolean minus, boolean plus, boolean zero, boolean space, int width, int prec) {}

  static String format(String fmt, List<Value> values) {
    Object[] args = new Object[values.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = convert(values.get(i));
    }
    StringBuilder out = new StringBuilder();
    int argi = 0;
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      boolean minus = false;
      boolean plus = false;
      boolean zero = false;
      boolean space = false;
      for (; i < fmt.length() && "-+0 #".indexOf(fmt.charAt(i)) >= 0; i++) {
        switch (fmt.charAt(i)) {
          case '-' -> minus = true;
          case '+' -> plus = true;
          case '0' -> zero = true;
          case ' ' -> space = true;
          default -> {}
        }
      }
      int width = -1;
      for (; i < fmt.length() && Character.isDigit(fmt.charAt(i)); i++) {
        width = Math.max(width, 0) * 10 + (fmt.charAt(i) - '0');
      }
      int prec = -1;
      if (i < fmt.length() && fmt.charAt(i) == '.') {
        prec = 0;
        for (i++; i < fmt.length() && Character.isDigit(fmt.charAt(i)); i++) {
          prec = prec * 10 + (fmt.charAt(i) - '0');
        }
      }
      if (i >= fmt.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      char verb = fmt.charAt(i++);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (argi >= args.length) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Spec spec = new Spec(minus, plus, zero && !minus, space, width, prec);
      out.append(one(verb, args[argi++], spec));
    }
    if (argi < args.length) {
      out.append("%!(EXTRA ");
      for (int k = argi; k < args.length; k++) {
        out.append(k > argi ? ", " : "").append(goType(args[k])).append('=').append(plain(args[k]));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static Object convert(Value v) {
    if (v instanceof NumberValue n) {
      if (n.asLong().isPresent()) {
        return n.asLong().get();
      }
      if (n.isInteger()) {
        return n.value().toBigIntegerExact();
      }
      return n.value().doubleValue();
    }
    if (v instanceof StringValue s) {
      return s.value();
    }
    return v;
  }

  private static String one(char verb, Object arg, Spec spec) {
    String body =
        switch (arg) {
          case Long l -> integer(verb, BigInteger.valueOf(l), arg, spec);
          case BigInteger b -> integer(verb, b, arg, spec);
          case Double d -> floating(verb, d, arg, spec);
          case String s -> string(verb, s, arg, spec);
          case BooleanValue b when verb == 't' || verb == 'v' || verb == 's' -> b.toString();
          default -> term(verb, (Value) arg);
        };
    return pad(
        body, spec, arg instanceof Long || arg instanceof BigInteger || arg instanceof Double);
  }

  private static String integer(char verb, BigInteger n, Object arg, Spec spec) {
    String digits =
        switch (verb) {
          case 'd', 'v' -> n.abs().toString();
          case 'b' -> n.abs().toString(2);
          case 'o' -> n.abs().toString(8);
          case 'x' -> n.abs().toString(16);
          case 'X' -> n.abs().toString(16).toUpperCase(java.util.Locale.ROOT);
          case 'c' -> new String(Character.toChars(n.intValue()));
          case 'q' -> "'" + new String(Character.toChars(n.intValue())) + "'";
          default -> null;
        };
    if (digits == null) {
      return bad(verb, arg);
    }
    if (verb == 'c' || verb == 'q') {
      return digits;
    }
    if (spec.prec() >= 0 && digits.length() < spec.prec()) {
      digits = "0".repeat(spec.prec() - digits.length()) + digits;
    }
    return sign(n.signum() < 0, spec) + digits;
  }

  private static String sign(boolean negative, Spec spec) {
    return negative ? "-" : spec.plus() ? "+" : spec.space() ? " " : "";
  }

  private static String floating(char verb, double d, Object arg, Spec spec) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf";
    }
    String s =
        switch (verb) {
          case 'v' -> GoFloat.shortest(Math.abs(d), 21);
          case 'g', 'G' ->
              spec.prec() < 0
                  ? GoFloat.shortest(Math.abs(d), 6)
                  : GoFloat.general(Math.abs(d), spec.prec());
          case 'f', 'F' -> GoFloat.fixed(Math.abs(d), spec.prec() < 0 ? 6 : spec.prec());
          case 'e', 'E' -> GoFloat.exponent(Math.abs(d), spec.prec() < 0 ? 6 : spec.prec());
          default -> null;
        };
    if (s == null) {
      return bad(verb, arg);
    }
    if (verb == 'E' || verb == 'G') {
      s = s.toUpperCase(java.util.Locale.ROOT);
    }
    return sign(d < 0 || (d == 0 && 1 / d < 0), spec) + s;
  }

  private static String string(char verb, String s, Object arg, Spec spec) {
    return switch (verb) {
      case 's', 'v' -> spec.prec() >= 0 ? truncate(s, spec.prec()) : s;
      case 'q' -> GoQuote.quote(s);
      case 'x' -> hex(s, false);
      case 'X' -> hex(s, true);
      default -> bad(verb, arg);
    };
  }

  private static String truncate(String s, int runes) {
    return s.codePointCount(0, s.length()) <= runes
        ? s
        : s.substring(0, s.offsetByCodePoints(0, runes));
  }

  private static String hex(String s, boolean upper) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      sb.append(String.format(upper ? "%02X" : "%02x", b & 0xff));
    }
    return sb.toString();
  }

  private static String term(char verb, Value v) {
    return switch (verb) {
      case 'v', 's' -> v.toString();
      case 'q' -> GoQuote.quote(v.toString());
      default -> bad(verb, v);
    };
  }

  private static String bad(char verb, Object arg) {
    return "%!" + verb + "(" + goType(arg) + "=" + plain(arg) + ")";
  }

  private static String goType(Object arg) {
    return switch (arg) {
      case Long l -> "int";
      case BigInteger b -> "*big.Int";
      case Double d -> "float64";
      case String s -> "string";
      case Value v ->
          "ast." + Character.toUpperCase(v.typeName().charAt(0)) + v.typeName().substring(1);
      default -> arg.getClass().getSimpleName();
    };
  }

  private static String plain(Object arg) {
    return arg instanceof Double d ? GoFloat.shortest(d, 21) : arg.toString();
  }

  private static String pad(String s, Spec spec, boolean numeric) {
    int n = s.codePointCount(0, s.length());
    if (spec.width() <= n) {
      return s;
    }
    int fill = spec.width() - n;
    if (spec.minus()) {
      return s + " ".repeat(fill);
    }
    if (spec.zero() && numeric) {
      int signLen = !s.isEmpty() && "+- ".indexOf(s.charAt(0)) >= 0 ? 1 : 0;
      return s.substring(0, signLen) + "0".repeat(fill) + s.substring(signLen);
    }
    return " ".repeat(fill) + s;
  }

  /** Go's float64 formatting (strconv.FormatFloat) for the verbs sprintf supports. */
  static final class GoFloat {
    private GoFloat() {}

    /** Shortest round-trip digits; exponent form when exp &lt; -4 or exp &gt;= threshold. */
    static String shortest(double d, int threshold) {
      if (d == 0) {
        return "0";
      }
      BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
      int exp = bd.precision() - bd.scale() - 1;
      String neg = d < 0 ? "-" : "";
      if (exp < -4 || exp >= threshold) {
        String digits = bd.unscaledValue().toString();
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return neg + mant + expSuffix(exp);
      }
      return neg + bd.toPlainString();
    }

    static String general(double d, int prec) {
      int p = prec == 0 ? 1 : prec;
      BigDecimal bd = new BigDecimal(d).round(new java.math.MathContext(p));
      int exp = bd.precision() - bd.scale() - 1;
      if (exp < -4 || exp >= p) {
        return exponent(d, p - 1).replaceFirst("\\.?0+e", "e");
      }
      return bd.stripTrailingZeros().toPlainString();
    }

    static String fixed(double d, int prec) {
      return new BigDecimal(d).setScale(prec, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    static String exponent(double d, int prec) {
      if (d == 0) {
        return (prec > 0 ? "0." + "0".repeat(prec) : "0") + "e+00";
      }
      BigDecimal bd = new BigDecimal(d).round(new java.math.MathContext(prec + 1));
      int exp = bd.precision() - bd.scale() - 1;
      String digits = bd.unscaledValue().abs().toString();
      digits = (digits + "0".repeat(prec + 1)).substring(0, prec + 1);
      String mant = prec == 0 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return mant + expSuffix(exp);
    }

    private static String expSuffix(int exp) {
      String e = Integer.toString(Math.abs(exp));
      return "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
  }
}
