package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds values to a definition's or initiative's parameters as Azure Policy does at assignment:
 * each parameter takes the value given, else its default; a parameter with neither is an error, as
 * is a value of the wrong type or outside {@code allowedValues}.
 */
final class ParameterBinder {
  private ParameterBinder() {}

  /**
   * The value of every parameter, or empty when one is missing or wrong (each problem reported).
   *
   * @param owner who declares the parameters, for messages ({@code policy definition "X"})
   * @param given the values given, by name (names must be declared; callers check)
   * @param where the location to report a problem with a parameter at
   */
  static Optional<Map<String, JsonNode>> bind(
      String owner,
      Map<String, ParameterDefinition> params,
      Map<String, JsonNode> given,
      Function<String, SourceLocation> where,
      Diagnostics diagnostics) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    boolean ok = true;
    for (ParameterDefinition p : params.values()) {
      JsonNode v = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
      if (v == null) {
        diagnostics.error(
            "missing-parameter",
            where.apply(p.name()),
            owner + ": parameter '" + p.name() + "' has no default value and must be given");
        ok = false;
        continue;
      }
      Optional<String> problem = p.check(v);
      if (problem.isPresent()) {
        diagnostics.error("bad-parameter", where.apply(p.name()), owner + ": " + problem.get());
        ok = false;
        continue;
      }
      out.put(p.name(), v);
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  /**
   * Evaluates every ARM expression in {@code node} (a deep copy; strings that are not expressions
   * stay, {@code [[} escapes lose their first bracket).
   *
   * @throws ArmExpressionException naming the JSON pointer (below {@code at}) that failed
   */
  static JsonNode resolve(JsonNode node, Map<String, JsonNode> values, String at)
      throws ArmExpressionException {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (var it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        out.set(
            e.getKey(), resolve(e.getValue(), values, at + "/" + JsonDocument.escape(e.getKey())));
      }
      return out;
    }
    if (node.isArray()) {
      var out = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        out.add(resolve(node.get(i), values, at + "/" + i));
      }
      return out;
    }
    if (node.isTextual()) {
      try {
        return ArmExpression.evaluateString(
            node.asText(), name -> Optional.ofNullable(values.get(name)));
      } catch (ArmExpressionException e) {
        throw new ArmExpressionException(at + ": " + e.getMessage());
      }
    }
    return node;
  }
}
