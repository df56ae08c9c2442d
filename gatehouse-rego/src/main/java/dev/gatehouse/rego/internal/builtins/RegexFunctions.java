package dev.gatehouse.rego.internal.builtins;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Regular-expression builtins with RE2 semantics (com.google.re2j), unanchored as Go's {@code
 * MatchString}. Compiled patterns are cached (bounded).
 */
final class RegexFunctions {
  private static final int CACHE_LIMIT = 1000;
  private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private RegexFunctions() {}

  static void register(Registry r) {
    r.add("regex.match", 2, (a, c) -> match("regex.match", a));
    r.add("re_match", 2, (a, c) -> match("re_match", a));
    r.add(
        "regex.is_valid",
        1,
        (a, c) -> BooleanValue.of(a[0] instanceof StringValue s && valid(s.value())));
    r.add("regex.find_n", 3, (a, c) -> findN(a));
    r.add("regex.split", 2, (a, c) -> split(a));
    r.add("regex.replace", 3, (a, c) -> replace(a));
    r.add("regex.find_all_string_submatch_n", 3, (a, c) -> submatches(a));
  }

  static Pattern compile(String fn, String regex) {
    Pattern p = CACHE.get(regex);
    if (p != null) {
      return p;
    }
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw BuiltinException.failed(fn, "error parsing regexp: " + e.getMessage());
    }
    if (CACHE.size() > CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(regex, p);
    return p;
  }

  private static boolean valid(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  private static Value match(String fn, Value[] a) {
    Pattern p = compile(fn, Args.string(fn, a, 0));
    return BooleanValue.of(p.matcher(Args.string(fn, a, 1)).find());
  }

  private static Value findN(Value[] a) {
    Pattern p = compile("regex.find_n", Args.string("regex.find_n", a, 0));
    String s = Args.string("regex.find_n", a, 1);
    int n = Args.integer("regex.find_n", a, 2);
    List<Value> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    while ((n < 0 || out.size() < n) && m.find()) {
      out.add(new StringValue(m.group()));
    }
    return new ArrayValue(out);
  }

  private static Value split(Value[] a) {
    Pattern p = compile("regex.split", Args.string("regex.split", a, 0));
    String s = Args.string("regex.split", a, 1);
    List<Value> out = new ArrayList<>();
    if (s.isEmpty()) {
      return ArrayValue.of(new StringValue(""));
    }
    Matcher m = p.matcher(s);
    int beg = 0;
    int end = 0;
    while (m.find()) {
      end = m.start();
      if (m.end() != 0) {
        out.add(new StringValue(s.substring(beg, end)));
      }
      beg = m.end();
    }
    if (end != s.length()) {
      out.add(new StringValue(s.substring(beg)));
    }
    return new ArrayValue(out);
  }

  private static Value replace(Value[] a) {
    String s = Args.string("regex.replace", a, 0);
    Pattern p = compile("regex.replace", Args.string("regex.replace", a, 1));
    String with = Args.string("regex.replace", a, 2);
    try {
      return new StringValue(p.matcher(s).replaceAll(with));
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw BuiltinException.failed("regex.replace", String.valueOf(e.getMessage()));
    }
  }

  private static Value submatches(Value[] a) {
    Pattern p =
        compile(
            "regex.find_all_string_submatch_n",
            Args.string("regex.find_all_string_submatch_n", a, 0));
    String s = Args.string("regex.find_all_string_submatch_n", a, 1);
    int n = Args.integer("regex.find_all_string_submatch_n", a, 2);
    List<Value> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    while ((n < 0 || out.size() < n) && m.find()) {
      List<Value> groups = new ArrayList<>();
      for (int g = 0; g <= m.groupCount(); g++) {
        String text = m.group(g);
        groups.add(new StringValue(text == null ? "" : text));
      }
      out.add(new ArrayValue(groups));
    }
    return new ArrayValue(out);
  }
}
