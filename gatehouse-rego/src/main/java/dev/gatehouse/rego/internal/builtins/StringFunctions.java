package dev.gatehouse.rego.internal.builtins;

import static dev.gatehouse.rego.internal.builtins.Args.str;

import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * String builtins with Go's semantics: offsets and lengths count Unicode code points (runes),
 * {@code trim} takes a set of characters, {@code split} keeps empty fields.
 */
final class StringFunctions {
  private StringFunctions() {}

  static void register(Registry r) {
    r.add("concat", 2, (a, c) -> concat(a));
    r.add("contains", 2, (a, c) -> bool(s("contains", a, 0).contains(s("contains", a, 1))));
    r.add("startswith", 2, (a, c) -> bool(s("startswith", a, 0).startsWith(s("startswith", a, 1))));
    r.add("endswith", 2, (a, c) -> bool(s("endswith", a, 0).endsWith(s("endswith", a, 1))));
    r.add("lower", 1, (a, c) -> str(s("lower", a, 0).toLowerCase(Locale.ROOT)));
    r.add("upper", 1, (a, c) -> str(s("upper", a, 0).toUpperCase(Locale.ROOT)));
    r.add("replace", 3, (a, c) -> str(replace(a)));
    r.add("split", 2, (a, c) -> split(s("split", a, 0), s("split", a, 1)));
    r.add("substring", 3, (a, c) -> substring(a));
    r.add("indexof", 2, (a, c) -> NumberValue.of(indexOf(s("indexof", a, 0), s("indexof", a, 1))));
    r.add("indexof_n", 2, (a, c) -> indexOfN(s("indexof_n", a, 0), s("indexof_n", a, 1)));
    r.add("trim", 2, (a, c) -> str(trim(s("trim", a, 0), s("trim", a, 1), true, true)));
    r.add(
        "trim_left",
        2,
        (a, c) -> str(trim(s("trim_left", a, 0), s("trim_left", a, 1), true, false)));
    r.add(
        "trim_right",
        2,
        (a, c) -> str(trim(s("trim_right", a, 0), s("trim_right", a, 1), false, true)));
    r.add(
        "trim_prefix",
        2,
        (a, c) -> str(trimPrefix(s("trim_prefix", a, 0), s("trim_prefix", a, 1))));
    r.add(
        "trim_suffix",
        2,
        (a, c) -> str(trimSuffix(s("trim_suffix", a, 0), s("trim_suffix", a, 1))));
    r.add("trim_space", 1, (a, c) -> str(s("trim_space", a, 0).strip()));
    r.add("format_int", 2, (a, c) -> formatInt(a));
    r.add(
        "sprintf",
        2,
        (a, c) -> str(Sprintf.format(s("sprintf", a, 0), Args.array("sprintf", a, 1))));
    r.add(
        "strings.replace_n",
        2,
        (a, c) ->
            str(replaceN(Args.object("strings.replace_n", a, 0), s("strings.replace_n", a, 1))));
    r.add(
        "strings.reverse",
        1,
        (a, c) -> str(new StringBuilder(s("strings.reverse", a, 0)).reverse().toString()));
    r.add(
        "strings.count",
        2,
        (a, c) -> NumberValue.of(count(s("strings.count", a, 0), s("strings.count", a, 1))));
    r.add("strings.any_prefix_match", 2, (a, c) -> anyMatch("strings.any_prefix_match", a, true));
    r.add("strings.any_suffix_match", 2, (a, c) -> anyMatch("strings.any_suffix_match", a, false));
  }

  private static String s(String fn, Value[] a, int i) {
    return Args.string(fn, a, i);
  }

  private static Value bool(boolean b) {
    return BooleanValue.of(b);
  }

  private static Value concat(Value[] a) {
    String delim = s("concat", a, 0);
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (Value v : Args.arrayOrSet("concat", a, 1)) {
      if (!(v instanceof StringValue sv)) {
        throw Args.wrong("concat", 1, "set of strings or array of strings", a[1]);
      }
      sb.append(first ? "" : delim).append(sv.value());
      first = false;
    }
    return str(sb.toString());
  }

  private static String replace(Value[] a) {
    return s("replace", a, 0).replace(s("replace", a, 1), s("replace", a, 2));
  }

  static Value split(String s, String delim) {
    List<Value> out = new ArrayList<>();
    if (delim.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(str(new String(Character.toChars(cp)))));
      return new ArrayValue(out);
    }
    int from = 0;
    while (true) {
      int i = s.indexOf(delim, from);
      if (i < 0) {
        out.add(str(s.substring(from)));
        return new ArrayValue(out);
      }
      out.add(str(s.substring(from, i)));
      from = i + delim.length();
    }
  }

  private static Value substring(Value[] a) {
    String s = s("substring", a, 0);
    int start = Args.integer("substring", a, 1);
    int length = Args.integer("substring", a, 2);
    if (start < 0) {
      throw BuiltinException.failed("substring", "negative offset");
    }
    int runes = s.codePointCount(0, s.length());
    if (start >= runes) {
      return str("");
    }
    int end = length < 0 || (long) start + length > runes ? runes : start + length;
    int from = s.offsetByCodePoints(0, start);
    return str(s.substring(from, s.offsetByCodePoints(from, end - start)));
  }

  private static int indexOf(String s, String sub) {
    int i = s.indexOf(sub);
    return i < 0 ? -1 : s.codePointCount(0, i);
  }

  private static Value indexOfN(String s, String sub) {
    List<Value> out = new ArrayList<>();
    int i = s.indexOf(sub);
    while (i >= 0) {
      out.add(NumberValue.of(s.codePointCount(0, i)));
      i = s.indexOf(sub, i + Math.max(1, sub.length()));
    }
    return new ArrayValue(out);
  }

  static String trim(String s, String cutset, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (right && end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static String trimPrefix(String s, String p) {
    return s.startsWith(p) ? s.substring(p.length()) : s;
  }

  private static String trimSuffix(String s, String p) {
    return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
  }

  private static Value formatInt(Value[] a) {
    BigDecimal n = Args.number("format_int", a, 0);
    int base = Args.integer("format_int", a, 1);
    if (base != 2 && base != 8 && base != 10 && base != 16) {
      throw BuiltinException.failed("format_int", "operand 2 must be one of {2, 8, 10, 16}");
    }
    return str(n.setScale(0, RoundingMode.DOWN).toBigInteger().toString(base));
  }

  private static String replaceN(ObjectValue patterns, String s) {
    List<String[]> pairs = new ArrayList<>();
    for (Map.Entry<Value, Value> e : patterns.entries().entrySet()) {
      if (!(e.getKey() instanceof StringValue k) || !(e.getValue() instanceof StringValue v)) {
        throw BuiltinException.type(
            "strings.replace_n", "operand 1 must be object[string: string]");
      }
      pairs.add(new String[] {k.value(), v.value()});
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    outer:
    while (i < s.length()) {
      for (String[] p : pairs) {
        if (!p[0].isEmpty() && s.startsWith(p[0], i)) {
          sb.append(p[1]);
          i += p[0].length();
          continue outer;
        }
      }
      sb.append(s.charAt(i++));
    }
    return sb.toString();
  }

  private static int count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.codePointCount(0, s.length()) + 1;
    }
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
      n++;
    }
    return n;
  }

  private static Value anyMatch(String fn, Value[] a, boolean prefix) {
    List<String> search = Args.strings(fn, a, 0);
    List<String> base = Args.strings(fn, a, 1);
    for (String s : search) {
      for (String b : base) {
        if (prefix ? s.startsWith(b) : s.endsWith(b)) {
          return BooleanValue.TRUE;
        }
      }
    }
    return BooleanValue.FALSE;
  }
}
