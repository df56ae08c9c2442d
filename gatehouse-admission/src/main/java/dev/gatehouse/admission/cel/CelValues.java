package dev.gatehouse.admission.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts Jackson trees into the values cel-java evaluates over with dynamic types: {@code Map},
 * {@code List}, {@code String}, {@code Long} (every JSON integer: CEL's int is int64), {@code
 * Double}, {@code Boolean} and {@link NullValue#NULL_VALUE} (a Java null would read as unknown).
 */
final class CelValues {
  private CelValues() {}

  /** The CEL value of {@code node}; missing nodes become CEL null. */
  static Object of(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> map(node);
      case ARRAY -> list(node);
      case STRING -> node.textValue();
      case BOOLEAN -> node.booleanValue();
      case NUMBER -> number(node);
      case BINARY -> node.asText();
      case NULL, MISSING, POJO -> NullValue.NULL_VALUE;
    };
  }

  /** The CEL value of a node that may be absent. */
  static Object ofNullable(@org.jspecify.annotations.Nullable JsonNode node) {
    return node == null ? NullValue.NULL_VALUE : of(node);
  }

  private static Object number(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    return node.doubleValue();
  }

  private static Map<String, Object> map(JsonNode node) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), of(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  private static List<Object> list(JsonNode node) {
    List<Object> out = new ArrayList<>(node.size());
    node.forEach(n -> out.add(of(n)));
    return Collections.unmodifiableList(out);
  }
}
