package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Lines of the fields of one document; a view with a prefix serves the items of a {@code List}
 * document.
 *
 * <p>Design note: the readers record, for every object and array of the document's Jackson tree (by
 * identity), the 1-based lines of its children in iteration order: one {@code int[]} per container
 * instead of a map entry with a JSON-pointer string per field. {@link #lineOf} walks the pointer
 * down the tree, so it costs a few field comparisons per level; it serves diagnostics and rule
 * origins, not hot loops.
 */
public final class LineIndex {
  private static final LineIndex EMPTY = new LineIndex(NullNode.getInstance(), Map.of(), "");
  private final JsonNode root;
  private final Map<JsonNode, int[]> childLines;
  private final String prefix;

  LineIndex(JsonNode root, Map<JsonNode, int[]> childLines, String prefix) {
    this.root = root;
    this.childLines = childLines;
    this.prefix = prefix;
  }

  /** An index that knows no lines (objects built in code). */
  public static LineIndex empty() {
    return EMPTY;
  }

  /** The 1-based line of the field at {@code pointer} or of its nearest ancestor; 0 if unknown. */
  public int lineOf(String pointer) {
    String p = prefix + pointer;
    JsonNode node = root;
    int line = 0;
    int at = 0;
    while (at < p.length() && p.charAt(at) == '/') {
      int end = p.indexOf('/', at + 1);
      String segment = p.substring(at + 1, end < 0 ? p.length() : end);
      at = end < 0 ? p.length() : end;
      int[] lines = childLines.get(node);
      int index = lines == null ? -1 : indexOf(node, segment);
      if (lines == null || index < 0 || index >= lines.length) {
        return line;
      }
      line = lines[index];
      node = node instanceof ArrayNode a ? a.get(index) : node.get(unescape(segment));
    }
    return line;
  }

  /** The position of the child named by a pointer segment among its container's children, or -1. */
  private static int indexOf(JsonNode container, String segment) {
    if (container instanceof ArrayNode a) {
      return arrayIndex(segment, a.size());
    }
    if (container instanceof ObjectNode o) {
      String name = unescape(segment);
      int i = 0;
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); i++) {
        if (it.next().equals(name)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static int arrayIndex(String segment, int size) {
    if (segment.isEmpty()
        || segment.length() > 9
        || (segment.length() > 1 && segment.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < segment.length(); i++) {
      if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
        return -1;
      }
    }
    int index = Integer.parseInt(segment);
    return index < size ? index : -1;
  }

  /** Unescapes a JSON pointer segment (RFC 6901). */
  private static String unescape(String segment) {
    return segment.indexOf('~') < 0 ? segment : segment.replace("~1", "/").replace("~0", "~");
  }

  /** The index of a sub-document at {@code pointer} (e.g. {@code /items/3}). */
  LineIndex child(String pointer) {
    return new LineIndex(root, childLines, prefix + pointer);
  }
}
