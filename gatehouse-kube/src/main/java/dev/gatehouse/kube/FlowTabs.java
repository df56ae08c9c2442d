package dev.gatehouse.kube;

/**
 * Replaces the tabs that start a line inside a flow collection ({@code [ ... ]}, {@code { ... }})
 * with spaces.
 *
 * <p>Design note: YAML 1.2 forbids tabs in block indentation but allows them as separation
 * whitespace, which is what the leading white space of a line inside a flow collection is
 * (production {@code s-flow-line-prefix}); Go's YAML library, and so kubectl and netpol-analyzer,
 * accept such files. snakeyaml-engine's scanner rejects a tab at the start of any line. Inside flow
 * context a tab and a space separate alike, and leading white space of a continued quoted scalar is
 * folded away, so the replacement keeps the document's meaning, its line numbers and its columns
 * (one space per tab). The reader only uses this as a retry after snakeyaml reported a tab.
 */
final class FlowTabs {
  private FlowTabs() {}

  /**
   * Whether a scanner problem may come from a tab that starts a line: snakeyaml consumes the tab
   * and then complains about the character after it.
   */
  static boolean mayBeTabProblem(String problem) {
    return problem.contains("cannot start any token");
  }

  /** Whether line {@code index} (0-based) of {@code text} starts with white space holding a tab. */
  static boolean lineStartsWithTab(String text, int index) {
    String[] lines = text.split("\n", -1);
    if (index < 0 || index >= lines.length) {
      return false;
    }
    String line = lines[index];
    int k = 0;
    while (k < line.length() && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
      k++;
    }
    return line.substring(0, k).indexOf('\t') >= 0;
  }

  /**
   * {@code text} with the leading tabs of every line that begins inside a flow collection replaced
   * by spaces; {@code text} itself when there are none.
   */
  static String untab(String text) {
    StringBuilder out = null;
    int depth = 0;
    char quote = 0;
    boolean lineStart = true;
    char previous = '\n';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (lineStart && depth > 0 && (c == '\t' || c == ' ')) {
        if (c == '\t') {
          if (out == null) {
            out = new StringBuilder(text);
          }
          out.setCharAt(i, ' ');
        }
        continue;
      }
      lineStart = c == '\n';
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '#' && (previous == ' ' || previous == '\t' || previous == '\n')) {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++;
        }
      } else if ((c == '"' || c == '\'') && startsToken(text, i, depth)) {
        quote = c;
      } else if ((c == '[' || c == '{') && startsToken(text, i, depth)) {
        depth++;
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      }
      previous = c;
    }
    return out == null ? text : out.toString();
  }

  /**
   * Whether the character at {@code i} begins a token rather than continuing a plain scalar: after
   * the line's indentation, after {@code ": "}, {@code "- "} or {@code "? "}, or — inside a flow
   * collection — after {@code ,}, {@code [}, {@code {} or {@code :}.
   */
  private static boolean startsToken(String text, int i, int depth) {
    int j = i - 1;
    while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j--;
    }
    if (j < 0 || text.charAt(j) == '\n') {
      return true;
    }
    char before = text.charAt(j);
    if (depth > 0 && (before == ',' || before == '[' || before == '{' || before == ':')) {
      return true;
    }
    boolean spaced = j < i - 1;
    return spaced && (before == ':' || before == '-' || before == '?');
  }
}
