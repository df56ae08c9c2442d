package dev.gatehouse.rego.internal.json;

import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.NullValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.SetValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.util.Map;

/**
 * Writes values as JSON: compact (as Go's json.Marshal, optionally HTML-escaping {@code < > &}) or
 * indented with two spaces (as {@code opa eval}). Sets are written as sorted arrays; non-string
 * object keys are written as their JSON text.
 */
public final class JsonWriter {
  private final StringBuilder sb = new StringBuilder();
  private final boolean pretty;
  private final boolean htmlEscape;

  private JsonWriter(boolean pretty, boolean htmlEscape) {
    this.pretty = pretty;
    this.htmlEscape = htmlEscape;
  }

  /** Compact JSON without HTML escaping. */
  public static String compact(Value v) {
    return write(v, false, false);
  }

  /** Compact JSON as Go's json.Marshal writes it (HTML characters escaped). */
  public static String marshal(Value v) {
    return write(v, false, true);
  }

  /** JSON indented by two spaces per level. */
  public static String pretty(Value v) {
    return write(v, true, false);
  }

  private static String write(Value v, boolean pretty, boolean html) {
    JsonWriter w = new JsonWriter(pretty, html);
    w.value(v, 0);
    return w.sb.toString();
  }

  private void value(Value v, int indent) {
    switch (v) {
      case NullValue n -> sb.append("null");
      case BooleanValue b -> sb.append(b.value());
      case NumberValue n -> sb.append(n);
      case StringValue s -> string(s.value());
      case ArrayValue a -> sequence(a.items(), indent);
      case SetValue s -> sequence(s.items(), indent);
      case ObjectValue o -> object(o, indent);
    }
  }

  private void sequence(Iterable<Value> items, int indent) {
    sb.append('[');
    boolean first = true;
    for (Value v : items) {
      sb.append(first ? "" : ",");
      newline(indent + 1);
      value(v, indent + 1);
      first = false;
    }
    if (!first) {
      newline(indent);
    }
    sb.append(']');
  }

  private void object(ObjectValue o, int indent) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
      sb.append(first ? "" : ",");
      newline(indent + 1);
      string(e.getKey() instanceof StringValue s ? s.value() : compact(e.getKey()));
      sb.append(pretty ? ": " : ":");
      value(e.getValue(), indent + 1);
      first = false;
    }
    if (!first) {
      newline(indent);
    }
    sb.append('}');
  }

  private void newline(int indent) {
    if (pretty) {
      sb.append('\n').append("  ".repeat(indent));
    }
  }

  private void string(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || (htmlEscape && "<>&".indexOf(c) >= 0)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
