package dev.gatehouse.kube;

import java.util.Map;

/**
 * Lines of the fields of one document, keyed by JSON pointer; a view with a prefix serves the items
 * of a {@code List} document.
 */
public final class LineIndex {
  private static final LineIndex EMPTY = new LineIndex(Map.of(), "");
  private final Map<String, Integer> lineByPointer;
  private final String prefix;

  LineIndex(Map<String, Integer> lineByPointer, String prefix) {
    this.lineByPointer = lineByPointer;
    this.prefix = prefix;
  }

  /** An index that knows no lines (objects built in code). */
  public static LineIndex empty() {
    return EMPTY;
  }

  /** The 1-based line of the field at {@code pointer} or of its nearest ancestor; 0 if unknown. */
  public int lineOf(String pointer) {
    String p = prefix + pointer;
    while (true) {
      Integer line = lineByPointer.get(p);
      if (line != null) {
        return line;
      }
      int slash = p.lastIndexOf('/');
      if (slash < 0) {
        return 0;
      }
      p = p.substring(0, slash);
    }
  }

  /** The index of a sub-document at {@code pointer} (e.g. {@code /items/3}). */
  LineIndex child(String pointer) {
    return new LineIndex(lineByPointer, prefix + pointer);
  }
}
