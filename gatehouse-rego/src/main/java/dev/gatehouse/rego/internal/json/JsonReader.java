package dev.gatehouse.rego.internal.json;

import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.NullValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A strict RFC 8259 JSON reader producing Rego values. Numbers keep their full precision; duplicate
 * keys keep the last value, as Go's encoding/json does.
 */
public final class JsonReader {
  private static final int MAX_DEPTH = 1000;
  private final String s;
  private int pos;
  private int depth;

  private JsonReader(String s) {
    this.s = s;
  }

  /**
   * Parses one JSON document.
   *
   * @throws IllegalArgumentException naming the offending line and column
   */
  public static Value parse(String text) {
    JsonReader r = new JsonReader(text);
    r.skipWs();
    Value v = r.value();
    r.skipWs();
    if (r.pos != text.length()) {
      throw r.error("unexpected trailing characters");
    }
    return v;
  }

  private Value value() {
    if (pos >= s.length()) {
      throw error("unexpected end of JSON input");
    }
    char c = s.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> new StringValue(string());
      case 't' -> literal("true", BooleanValue.TRUE);
      case 'f' -> literal("false", BooleanValue.FALSE);
      case 'n' -> literal("null", NullValue.INSTANCE);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("invalid character '" + c + "' looking for beginning of value");
      }
    };
  }

  private Value literal(String word, Value v) {
    if (!s.startsWith(word, pos)) {
      throw error("invalid literal");
    }
    pos += word.length();
    return v;
  }

  private Value object() {
    enter();
    pos++;
    TreeMap<Value, Value> out = new TreeMap<>();
    skipWs();
    if (peek() == '}') {
      pos++;
      depth--;
      return new ObjectValue(out);
    }
    while (true) {
      skipWs();
      if (peek() != '"') {
        throw error("expected string key");
      }
      String k = string();
      skipWs();
      expect(':');
      skipWs();
      out.put(new StringValue(k), value());
      skipWs();
      char c = next();
      if (c == '}') {
        depth--;
        return new ObjectValue(out);
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private Value array() {
    enter();
    pos++;
    List<Value> out = new ArrayList<>();
    skipWs();
    if (peek() == ']') {
      pos++;
      depth--;
      return new ArrayValue(out);
    }
    while (true) {
      skipWs();
      out.add(value());
      skipWs();
      char c = next();
      if (c == ']') {
        depth--;
        return new ArrayValue(out);
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("exceeded max depth");
    }
  }

  private Value number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else {
      digits();
    }
    if (peek() == '.') {
      pos++;
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits();
    }
    try {
      return NumberValue.parse(s.substring(start, pos));
    } catch (NumberFormatException e) {
      throw error("number out of range");
    }
  }

  private void digits() {
    int start = pos;
    while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
      pos++;
    }
    if (pos == start) {
      throw error("invalid number");
    }
  }

  private String string() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("invalid control character in string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> sb.append(hex4());
        default -> throw error("invalid escape '\\" + e + "'");
      }
    }
  }

  private char hex4() {
    if (pos + 4 > s.length()) {
      throw error("invalid unicode escape");
    }
    try {
      char c = (char) Integer.parseInt(s.substring(pos, pos + 4), 16);
      pos += 4;
      return c;
    } catch (NumberFormatException e) {
      throw error("invalid unicode escape");
    }
  }

  private char peek() {
    return pos < s.length() ? s.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= s.length()) {
      throw error("unexpected end of JSON input");
    }
    return s.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected '" + c + "'");
    }
  }

  private void skipWs() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private IllegalArgumentException error(String message) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < Math.min(pos, s.length()); i++) {
      if (s.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new IllegalArgumentException(line + ":" + col + ": " + message);
  }
}
