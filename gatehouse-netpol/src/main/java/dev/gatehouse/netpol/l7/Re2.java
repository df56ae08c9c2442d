package dev.gatehouse.netpol.l7;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RE2 regular expressions with Envoy's {@code safe_regex} semantics: the whole value must match (an
 * implicit anchor at both ends). Compiled patterns are cached by their text; RE2 matching runs in
 * linear time, so user patterns cannot make it slow.
 */
final class Re2 {
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private Re2() {}

  /** Why {@code regex} is not valid RE2 syntax, if it is not. */
  static Optional<String> problem(String regex) {
    try {
      Pattern.compile(regex);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of(String.valueOf(e.getDescription()));
    }
  }

  /** Whether {@code value} matches {@code regex} as a whole; "" as a regex matches everything. */
  static boolean fullMatch(String regex, String value) {
    if (regex.isEmpty()) {
      return true;
    }
    return CACHE.computeIfAbsent(regex, Pattern::compile).matches(value);
  }
}
