package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A fast reader for the plain block YAML that Kubernetes manifests are mostly written in: block
 * mappings and sequences, plain and one-line quoted scalars, {@code {}} and {@code []}, comments.
 *
 * <p>Design note: snakeyaml-engine's scanner spends most of a cold load on token objects, marks and
 * simple-key bookkeeping; manifests rarely need more than indentation and {@code key: value}. This
 * reader handles that subset line by line, straight into Jackson nodes, and gives up ({@link
 * Unsupported}) on anything outside it — flow collections with content, block scalars, multi-line
 * or escaped scalars, anchors, aliases, tags, directives, tabs, non-ASCII text, duplicate or merge
 * keys, and anything malformed — so the caller reads that document with {@link YamlEventBuilder},
 * which gives the authoritative result or error. Within the subset the two produce the same tree
 * and lines (YamlReadersAgreementTest); scalars are resolved by the same core-schema resolver
 * ({@link YamlScalars}).
 */
final class BlockYamlParser {
  private static final int MAX_KEY_LENGTH = 1000;

  /** The document leaves the subset this reader handles; read it with the general reader. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Unsupported() {
      super("outside the block subset", null, false, false);
    }
  }

  private static final Unsupported UNSUPPORTED = new Unsupported();

  private final String s;
  private final int end;
  private final int lineBase;
  private final Map<JsonNode, int[]> childLines = new IdentityHashMap<>();

  /** The current content line: where it starts, its number, indentation, content, end. */
  private int next;

  private int lineNo = -1;
  private int lineStart;
  private int indent;
  private int content;
  private int lineEnd;
  private boolean atEnd;

  private BlockYamlParser(String s, int from, int to, int lineBase) {
    this.s = s;
    this.next = from;
    this.end = to;
    this.lineBase = lineBase;
  }

  /**
   * Reads the document in {@code text[from, to)}, whose first line is line {@code lineBase + 1} of
   * its file; empty when it holds only comments and blank lines.
   *
   * @throws Unsupported when the text is outside the subset (the caller falls back)
   */
  static Optional<ParsedDocument> parse(String text, int from, int to, int lineBase) {
    return new BlockYamlParser(text, from, to, lineBase).document();
  }

  private Optional<ParsedDocument> document() {
    advance();
    if (atEnd) {
      return Optional.empty();
    }
    int line = line();
    JsonNode root = block(indent, 0);
    if (!atEnd) {
      throw UNSUPPORTED;
    }
    return Optional.of(new ParsedDocument(root, line, childLines));
  }

  private int line() {
    return lineBase + lineNo + 1;
  }

  /** Moves to the next line that is neither blank nor a comment, checking its characters. */
  private void advance() {
    while (next < end) {
      lineNo++;
      lineStart = next;
      int i = next;
      while (i < end && s.charAt(i) == ' ') {
        i++;
      }
      int e = i;
      while (e < end) {
        char c = s.charAt(e);
        if (c == '\n') {
          break;
        }
        if (c < 0x20 || c > 0x7e) {
          if (c != '\r' || e + 1 >= end || s.charAt(e + 1) != '\n') {
            throw UNSUPPORTED;
          }
          break;
        }
        e++;
      }
      next = e < end && s.charAt(e) == '\r' ? e + 2 : e + 1;
      if (i == e || s.charAt(i) == '#') {
        continue;
      }
      indent = i - lineStart;
      content = i;
      lineEnd = e;
      return;
    }
    atEnd = true;
  }

  private boolean isDash() {
    return s.charAt(content) == '-' && (content + 1 == lineEnd || s.charAt(content + 1) == ' ');
  }

  private JsonNode block(int n, int depth) {
    return isDash() ? sequence(n, depth + 1) : mapping(n, depth + 1);
  }

  /** Leaves too deep a document to the general reader, which reports it. */
  private static void checkDepth(int depth) {
    if (depth >= YamlEventBuilder.MAX_DEPTH) {
      throw UNSUPPORTED;
    }
  }

  private JsonNode mapping(int n, int depth) {
    checkDepth(depth);
    ObjectNode obj = YamlScalars.NODES.objectNode();
    YamlEventBuilder.LineList lines = new YamlEventBuilder.LineList();
    while (!atEnd && indent == n && !isDash()) {
      int keyLine = line();
      int colon = keyEnd(content);
      String key = keyText(content, colon);
      int v = skipSpaces(colon + 1);
      JsonNode value;
      if (v == lineEnd || s.charAt(v) == '#') {
        advance();
        if (!atEnd && indent > n) {
          value = block(indent, depth);
        } else if (!atEnd && indent == n && isDash()) {
          value = sequence(n, depth + 1);
        } else {
          value = YamlScalars.NODES.nullNode();
        }
      } else {
        value = inline(v);
        advance();
      }
      if (obj.has(key)) {
        throw UNSUPPORTED;
      }
      obj.set(key, value);
      lines.add(keyLine);
    }
    if (!atEnd && indent > n) {
      throw UNSUPPORTED;
    }
    childLines.put(obj, lines.toArray());
    return obj;
  }

  private JsonNode sequence(int n, int depth) {
    checkDepth(depth);
    ArrayNode arr = YamlScalars.NODES.arrayNode();
    YamlEventBuilder.LineList lines = new YamlEventBuilder.LineList();
    while (!atEnd && indent == n && isDash()) {
      int k = skipSpaces(content + 1);
      if (k == lineEnd || s.charAt(k) == '#') {
        advance();
        if (atEnd || indent <= n) {
          throw UNSUPPORTED; // an empty item
        }
        lines.add(line());
        arr.add(block(indent, depth));
      } else if (keyColon(k) >= 0) {
        // "- key: value": a mapping whose keys are in the column of the first one.
        lines.add(line());
        indent = k - lineStart;
        content = k;
        arr.add(mapping(indent, depth + 1));
      } else {
        lines.add(line());
        arr.add(inline(k));
        advance();
      }
    }
    if (!atEnd && indent > n) {
      throw UNSUPPORTED;
    }
    childLines.put(arr, lines.toArray());
    return arr;
  }

  /**
   * The position of the colon that ends a key starting at {@code from}, or -1: a plain key, or a
   * one-line quoted key (without escapes) followed by the colon.
   */
  private int keyColon(int from) {
    char first = s.charAt(from);
    if (first == '"' || first == '\'') {
      int close = closingQuote(from);
      int colon = close < 0 ? -1 : skipSpaces(close + 1);
      return colon > 0 && colon < lineEnd && s.charAt(colon) == ':' && isValueStart(colon + 1)
          ? colon
          : -1;
    }
    if (isIndicator(first)) {
      return -1;
    }
    for (int i = from; i < lineEnd; i++) {
      char c = s.charAt(i);
      if (c == ':' && isValueStart(i + 1)) {
        return i;
      }
      if (c == '#' && s.charAt(i - 1) == ' ') {
        return -1;
      }
    }
    return -1;
  }

  /** Whether the line ends at {@code i} or has a space there (what may follow a key's colon). */
  private boolean isValueStart(int i) {
    return i == lineEnd || s.charAt(i) == ' ';
  }

  /** The position of the quote closing the one-line quoted scalar at {@code from}, or -1. */
  private int closingQuote(int from) {
    char quote = s.charAt(from);
    for (int i = from + 1; i < lineEnd; i++) {
      char c = s.charAt(i);
      if (c == '\\' && quote == '"') {
        return -1;
      }
      if (c == quote) {
        if (quote == '\'' && i + 1 < lineEnd && s.charAt(i + 1) == '\'') {
          i++;
          continue;
        }
        return i;
      }
    }
    return -1;
  }

  private int keyEnd(int from) {
    int colon = keyColon(from);
    if (colon < 0 || colon - from > MAX_KEY_LENGTH) {
      throw UNSUPPORTED;
    }
    return colon;
  }

  private String keyText(int from, int colon) {
    char first = s.charAt(from);
    if (first == '"' || first == '\'') {
      String key = unquote(from, closingQuote(from));
      return key;
    }
    int e = colon;
    while (e > from && s.charAt(e - 1) == ' ') {
      e--;
    }
    String key = s.substring(from, e);
    if (key.equals("<<")) {
      throw UNSUPPORTED;
    }
    return key;
  }

  /** The text of the quoted scalar from the quote at {@code from} to the one at {@code close}. */
  private String unquote(int from, int close) {
    String body = s.substring(from + 1, close);
    return s.charAt(from) == '\'' && body.indexOf('\'') >= 0 ? body.replace("''", "'") : body;
  }

  private int skipSpaces(int i) {
    while (i < lineEnd && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** A value written on the rest of the current line from {@code v}. */
  private JsonNode inline(int v) {
    char c = s.charAt(v);
    return switch (c) {
      case '"', '\'' -> quoted(v);
      case '{', '[' -> emptyFlow(v, c);
      case '-' -> {
        if (v + 1 == lineEnd || s.charAt(v + 1) == ' ') {
          throw UNSUPPORTED;
        }
        yield plain(v);
      }
      default -> {
        if (isIndicator(c)) {
          throw UNSUPPORTED;
        }
        yield plain(v);
      }
    };
  }

  private static boolean isIndicator(char c) {
    return switch (c) {
      case '-',
          '?',
          ':',
          ',',
          '[',
          ']',
          '{',
          '}',
          '#',
          '&',
          '*',
          '!',
          '|',
          '>',
          '\'',
          '"',
          '%',
          '@',
          '`' ->
          true;
      default -> false;
    };
  }

  private JsonNode plain(int v) {
    int e = v;
    for (int i = v; i < lineEnd; i++) {
      char c = s.charAt(i);
      if (c == '#' && s.charAt(i - 1) == ' ') {
        break;
      }
      if (c == ':' && (i + 1 == lineEnd || s.charAt(i + 1) == ' ')) {
        throw UNSUPPORTED;
      }
      if (c != ' ') {
        e = i + 1;
      }
    }
    return YamlScalars.plain(s.substring(v, e));
  }

  private JsonNode quoted(int v) {
    int close = closingQuote(v);
    if (close < 0) {
      throw UNSUPPORTED; // escapes, or continues on the next line
    }
    restIsComment(close + 1);
    return YamlScalars.NODES.textNode(unquote(v, close));
  }

  private JsonNode emptyFlow(int v, char open) {
    char close = open == '{' ? '}' : ']';
    if (v + 1 >= lineEnd || s.charAt(v + 1) != close) {
      throw UNSUPPORTED;
    }
    restIsComment(v + 2);
    JsonNode node = open == '{' ? YamlScalars.NODES.objectNode() : YamlScalars.NODES.arrayNode();
    childLines.put(node, new int[0]);
    return node;
  }

  /** Requires the line to end at {@code i}, or to hold only spaces and a comment from there. */
  private void restIsComment(int i) {
    int k = skipSpaces(i);
    if (k < lineEnd && (k == i || s.charAt(k) != '#')) {
      throw UNSUPPORTED;
    }
  }
}
