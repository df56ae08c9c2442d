package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ARM template functions policy definitions and initiatives use: {@code parameters}, {@code if}
 * and {@code equals}. Declared apart from the grammar so adding one is a single case.
 */
final class ArmFunctions {
  private ArmFunctions() {}

  static JsonNode call(ArmExpression.Call c, Function<String, Optional<JsonNode>> parameters)
      throws ArmExpressionException {
    switch (c.function()) {
      case "parameters" -> {
        arity(c, 1);
        JsonNode name = c.args().get(0).evaluate(parameters);
        if (!name.isTextual()) {
          throw new ArmExpressionException("parameters() takes a parameter name (a string)");
        }
        return parameters
            .apply(name.asText())
            .orElseThrow(
                () ->
                    new ArmExpressionException("parameter '" + name.asText() + "' is not defined"));
      }
      case "if" -> {
        arity(c, 3);
        JsonNode cond = c.args().get(0).evaluate(parameters);
        if (!cond.isBoolean()) {
          throw new ArmExpressionException(
              "the condition of if() must be a boolean, not " + describe(cond));
        }
        return c.args().get(cond.asBoolean() ? 1 : 2).evaluate(parameters);
      }
      case "equals" -> {
        arity(c, 2);
        JsonNode a = c.args().get(0).evaluate(parameters);
        JsonNode b = c.args().get(1).evaluate(parameters);
        return BooleanNode.valueOf(equal(a, b));
      }
      default ->
          throw new ArmExpressionException(
              "unsupported template function '"
                  + c.function()
                  + "' (supported: parameters, if, equals)");
    }
  }

  private static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static void arity(ArmExpression.Call c, int n) throws ArmExpressionException {
    if (c.args().size() != n) {
      throw new ArmExpressionException(
          c.function()
              + "() takes "
              + n
              + " argument"
              + (n == 1 ? "" : "s")
              + ", not "
              + c.args().size());
    }
  }

  /** {@code a string}, {@code an array}, ... for messages. */
  static String describe(JsonNode v) {
    return switch (v.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "the string \"" + v.asText() + "\"";
      case NUMBER -> "the number " + v;
      case BOOLEAN -> "the boolean " + v;
      case NULL -> "null";
      default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
