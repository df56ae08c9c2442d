package dev.gatehouse.admission.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.NullValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.SetValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts Jackson trees to Rego values and back.
 *
 * <p>Numbers stay exact: JSON integers become integers of any size (a {@code long} when they fit,
 * else a big integer), decimals keep their decimal text. Gatekeeper round-trips reviews through
 * Go's {@code float64}, which rounds integers above 2^53; we do not.
 */
final class RegoValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private RegoValues() {}

  /** The Rego value of {@code node}; missing nodes are {@code null}. */
  static Value of(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> object(node);
      case ARRAY -> array(node);
      case STRING -> new StringValue(node.textValue());
      case BOOLEAN -> BooleanValue.of(node.booleanValue());
      case NUMBER -> number(node);
      case BINARY -> new StringValue(node.asText());
      case NULL, MISSING, POJO -> NullValue.INSTANCE;
    };
  }

  private static Value number(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.canConvertToLong()
          ? NumberValue.of(node.longValue())
          : NumberValue.of(new BigDecimal(node.bigIntegerValue()));
    }
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      return new StringValue(node.asText());
    }
    return NumberValue.of(node.decimalValue());
  }

  private static Value object(JsonNode node) {
    TreeMap<Value, Value> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(new StringValue(e.getKey()), of(e.getValue()));
    }
    return new ObjectValue(out);
  }

  private static Value array(JsonNode node) {
    List<Value> out = new ArrayList<>(node.size());
    for (JsonNode n : node) {
      out.add(of(n));
    }
    return new ArrayValue(out);
  }

  /**
   * The JSON of a Rego value, as OPA hands results to Gatekeeper: sets become arrays (in sorted
   * order), object keys that are not strings are written in Rego's text form.
   */
  static JsonNode toJson(Value value) {
    return switch (value) {
      case NullValue n -> NODES.nullNode();
      case BooleanValue b -> NODES.booleanNode(b.value());
      case NumberValue n -> number(n);
      case StringValue s -> NODES.textNode(s.value());
      case ArrayValue a -> array(a.items());
      case SetValue s -> array(s.items());
      case ObjectValue o -> object(o);
    };
  }

  private static JsonNode number(NumberValue n) {
    return n.asLong().<JsonNode>map(NODES::numberNode).orElseGet(() -> numberNode(n.value()));
  }

  private static JsonNode numberNode(BigDecimal d) {
    return d.scale() <= 0 ? NODES.numberNode(d.toBigIntegerExact()) : NODES.numberNode(d);
  }

  private static ArrayNode array(Iterable<Value> items) {
    ArrayNode out = NODES.arrayNode();
    items.forEach(v -> out.add(toJson(v)));
    return out;
  }

  private static ObjectNode object(ObjectValue o) {
    ObjectNode out = NODES.objectNode();
    o.entries()
        .forEach(
            (k, v) -> out.set(k instanceof StringValue s ? s.value() : k.toString(), toJson(v)));
    return out;
  }
}
