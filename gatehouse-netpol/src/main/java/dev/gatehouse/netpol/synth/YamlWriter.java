package dev.gatehouse.netpol.synth;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes trees of {@link Map}s (in their iteration order), {@link List}s, strings and integers as
 * block-style YAML. Deterministic: the same tree gives the same text. Strings are written plain
 * when YAML would read them back as the same string, double-quoted otherwise.
 */
final class YamlWriter {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9._/-]*");
  private static final Set<String> RESERVED =
      Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");

  private final StringBuilder out = new StringBuilder();

  /** Appends one document, preceded by {@code ---} unless it is the first. */
  YamlWriter document(Map<String, ?> root) {
    if (!out.isEmpty()) {
      out.append("---\n");
    }
    map(root, 0);
    return this;
  }

  /** The text written so far. */
  String text() {
    return out.toString();
  }

  private void map(Map<String, ?> m, int indent) {
    boolean first = true;
    for (Map.Entry<String, ?> e : m.entrySet()) {
      if (!first) {
        pad(indent);
      }
      first = false;
      out.append(scalar(e.getKey())).append(':');
      value(e.getValue(), indent + 2);
    }
  }

  private void list(List<?> l, int indent) {
    boolean first = true;
    for (Object item : l) {
      if (!first) {
        pad(indent);
      }
      first = false;
      out.append("- ");
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        map(cast(m), indent + 2);
      } else if (item instanceof List<?> inner && !inner.isEmpty()) {
        list(inner, indent + 2);
      } else {
        out.append(inline(item)).append('\n');
      }
    }
  }

  /** Writes the value after {@code key:}, on the same line when it is a scalar or empty. */
  private void value(Object v, int indent) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      out.append('\n');
      pad(indent);
      map(cast(m), indent);
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      out.append('\n');
      pad(indent - 2);
      list(l, indent - 2);
    } else {
      out.append(' ').append(inline(v)).append('\n');
    }
  }

  private static String inline(Object v) {
    return switch (v) {
      case Map<?, ?> m -> "{}";
      case List<?> l -> "[]";
      case Integer i -> i.toString();
      case Long l -> l.toString();
      case String s -> scalar(s);
      default -> throw new IllegalArgumentException("not a YAML tree value: " + v.getClass());
    };
  }

  private static String scalar(String s) {
    if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT))) {
      return s;
    }
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        default -> q.append(c);
      }
    }
    return q.append('"').toString();
  }

  private void pad(int indent) {
    out.repeat(' ', indent);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Map<?, ?> m) {
    return (Map<String, ?>) m;
  }
}
