package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.SourceLocation;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON file (a policy definition or initiative) as a Jackson tree plus the line of every field,
 * so problems in it can be reported as {@code file:line}. Definitions are not Kubernetes objects
 * (no {@code kind}), so they are read here rather than by the Kubernetes loader.
 *
 * @param root the top-level object
 * @param file the file as the user named it
 * @param lines the 1-based line of each field, keyed by JSON pointer
 */
public record JsonDocument(ObjectNode root, String file, Map<String, Integer> lines) {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Copies the map. */
  public JsonDocument {
    lines = Map.copyOf(lines);
  }

  /**
   * Parses {@code text}; a syntax error, or a top-level value that is not an object, is reported
   * and gives an empty result.
   */
  public static Optional<JsonDocument> parse(String text, String file, Diagnostics diagnostics) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p =
        FACTORY.createParser(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
      if (p.nextToken() == null) {
        diagnostics.error("json-syntax", SourceLocation.ofFile(file), "empty JSON file");
        return Optional.empty();
      }
      int line = p.currentTokenLocation().getLineNr();
      JsonNode root = value(p, "", lines);
      if (!(root instanceof ObjectNode obj)) {
        diagnostics.error(
            "not-a-definition",
            new SourceLocation(file, line, 0),
            "expected a JSON object (a policy definition or initiative)");
        return Optional.empty();
      }
      lines.put("", line);
      return Optional.of(new JsonDocument(obj, file, lines));
    } catch (JsonParseException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      diagnostics.error(
          "json-syntax",
          new SourceLocation(file, line, 0),
          "JSON syntax error: " + e.getOriginalMessage().replaceAll("\\s+", " "));
      return Optional.empty();
    } catch (IOException e) {
      diagnostics.error(
          "read-error", SourceLocation.ofFile(file), "cannot read: " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The location of the field at {@code pointer}, or of its nearest ancestor written in the file.
   */
  public SourceLocation locate(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return new SourceLocation(file, line, 0);
      }
      int slash = p.lastIndexOf('/');
      if (slash < 0) {
        return SourceLocation.ofFile(file);
      }
      p = p.substring(0, slash);
    }
  }

  /** Escapes a field name for a JSON pointer (RFC 6901). */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static JsonNode value(JsonParser p, String pointer, Map<String, Integer> lines)
      throws IOException {
    JsonToken t = p.currentToken();
    return switch (t) {
      case START_OBJECT -> {
        ObjectNode obj = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = pointer + "/" + escape(name);
          lines.put(child, p.currentTokenLocation().getLineNr());
          p.nextToken();
          obj.set(name, value(p, child, lines));
        }
        yield obj;
      }
      case START_ARRAY -> {
        ArrayNode arr = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          String child = pointer + "/" + i++;
          lines.put(child, p.currentTokenLocation().getLineNr());
          arr.add(value(p, child, lines));
        }
        yield arr;
      }
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> {
        BigInteger n = p.getBigIntegerValue();
        yield n.bitLength() < 64 ? NODES.numberNode(n.longValue()) : NODES.numberNode(n);
      }
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new JsonParseException(p, "unexpected token " + t);
    };
  }
}
