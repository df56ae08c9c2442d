package dev.gatehouse.kube;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON file (one or several concatenated values) into Jackson trees, keeping the line of
 * every field. Used for {@code .json} files, where JSON's own grammar (tabs included) applies.
 */
final class JsonDocumentReader {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonDocumentReader() {}

  /** Parses every top-level value of {@code text}; a syntax error ends the file with an error. */
  static List<ParsedDocument> read(String text, String file, Diagnostics diagnostics) {
    List<ParsedDocument> out = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      while (p.nextToken() != null) {
        Map<JsonNode, int[]> lines = new IdentityHashMap<>();
        int line = p.currentTokenLocation().getLineNr();
        out.add(new ParsedDocument(value(p, lines), line, lines));
      }
    } catch (JsonParseException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      diagnostics.error(
          "json-syntax",
          new SourceLocation(file, Math.max(line, 1), 0),
          "JSON syntax error: "
              + e.getOriginalMessage().replaceAll("\\s+", " ")
              + "; rest of file skipped");
    } catch (IOException e) {
      diagnostics.error(
          "read-error", SourceLocation.ofFile(file), "cannot read: " + e.getMessage());
    }
    return out;
  }

  private static JsonNode value(JsonParser p, Map<JsonNode, int[]> lines) throws IOException {
    JsonToken t = p.currentToken();
    return switch (t) {
      case START_OBJECT -> {
        ObjectNode obj = NODES.objectNode();
        int[] childLines = new int[4];
        int n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          int line = p.currentTokenLocation().getLineNr();
          p.nextToken();
          if (obj.replace(name, value(p, lines)) != null) {
            // A repeated name: the last value and its line win, in the first one's position.
            childLines[fieldIndex(obj, name)] = line;
            continue;
          }
          childLines = n == childLines.length ? Arrays.copyOf(childLines, n * 2) : childLines;
          childLines[n++] = line;
        }
        lines.put(obj, Arrays.copyOf(childLines, n));
        yield obj;
      }
      case START_ARRAY -> {
        ArrayNode arr = NODES.arrayNode();
        int[] childLines = new int[4];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          childLines = n == childLines.length ? Arrays.copyOf(childLines, n * 2) : childLines;
          childLines[n++] = p.currentTokenLocation().getLineNr();
          arr.add(value(p, lines));
        }
        lines.put(arr, Arrays.copyOf(childLines, n));
        yield arr;
      }
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> {
        java.math.BigInteger n = p.getBigIntegerValue();
        yield n.bitLength() < 64 ? NODES.numberNode(n.longValue()) : NODES.numberNode(n);
      }
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new JsonParseException(p, "unexpected token " + t);
    };
  }

  private static int fieldIndex(ObjectNode obj, String name) {
    int i = 0;
    for (var it = obj.fieldNames(); it.hasNext(); i++) {
      if (it.next().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no field " + name);
  }
}
