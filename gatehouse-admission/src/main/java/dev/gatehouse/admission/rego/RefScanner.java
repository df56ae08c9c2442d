package dev.gatehouse.admission.rego;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a reference ({@code a.b["c"][x]}) from Rego source text, for {@link TemplateRewriter}: the
 * head identifier, then {@code .name} and {@code [...]} segments written without spaces, as Rego's
 * grammar requires.
 */
final class RefScanner {
  /**
   * A scanned reference.
   *
   * @param text the source text of the reference
   * @param segments the head and each segment's name; a bracket holding anything but a string
   *     literal (a variable, a number, an expression) is the empty string
   * @param end the source index just after the reference
   */
  record Ref(String text, List<String> segments, int end) {
    Ref {
      segments = List.copyOf(segments);
    }
  }

  private RefScanner() {}

  /** Scans the reference starting at {@code start} (which must be an identifier start). */
  static Ref scan(String src, int start) {
    List<String> segments = new ArrayList<>();
    int pos = identEnd(src, start);
    segments.add(src.substring(start, pos));
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '.' && pos + 1 < src.length() && isIdentStart(src.charAt(pos + 1))) {
        int end = identEnd(src, pos + 1);
        segments.add(src.substring(pos + 1, end));
        pos = end;
      } else if (c == '[') {
        int end = bracketEnd(src, pos);
        segments.add(bracketName(src.substring(pos + 1, Math.max(pos + 1, end - 1)).strip()));
        pos = end;
      } else {
        break;
      }
    }
    return new Ref(src.substring(start, pos), segments, pos);
  }

  /** The name in a bracket holding one plain string literal, else "". */
  private static String bracketName(String inner) {
    boolean plain =
        inner.length() >= 2
            && inner.charAt(0) == '"'
            && literalEnd(inner, 0) == inner.length()
            && inner.indexOf('\\') < 0;
    return plain ? inner.substring(1, inner.length() - 1) : "";
  }

  /** The index after the {@code ]} closing the bracket at {@code open} (or the text's end). */
  private static int bracketEnd(String src, int open) {
    int depth = 0;
    int pos = open;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '"' || c == '`') {
        pos = literalEnd(src, pos);
        continue;
      }
      if (c == '[' || c == '(' || c == '{') {
        depth++;
      } else if (c == ']' || c == ')' || c == '}') {
        depth--;
        if (depth == 0) {
          return pos + 1;
        }
      }
      pos++;
    }
    return pos;
  }

  /**
   * The index after the string literal starting at {@code start}: a quoted string with escapes
   * (ending at the closing quote or, unterminated, at the line's end), or a raw string.
   */
  static int literalEnd(String src, int start) {
    if (src.charAt(start) == '`') {
      int close = src.indexOf('`', start + 1);
      return close < 0 ? src.length() : close + 1;
    }
    int pos = start + 1;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (c == '"') {
        return pos + 1;
      } else if (c == '\n') {
        return pos;
      } else {
        pos++;
      }
    }
    return src.length();
  }

  private static int identEnd(String src, int start) {
    int pos = start;
    while (pos < src.length() && isIdentPart(src.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  /** Whether {@code c} can start an identifier. */
  static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  /** Whether {@code c} can continue an identifier. */
  static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Whether the identifier that ends at {@code end} is a whole word. */
  static boolean boundary(String src, int end) {
    return end >= src.length() || !isIdentPart(src.charAt(end));
  }
}
