package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * An Azure Resource Manager template-language expression, the {@code "[...]"} strings of policy
 * definitions and initiatives (e.g. {@code [parameters('allowedHostPaths').paths]}).
 *
 * <p>The functions are the ones the published Kubernetes definitions and initiatives use, checked
 * over all of them: {@code parameters(name)}, {@code if(condition, whenTrue, whenFalse)} and {@code
 * equals(a, b)}; plus property access ({@code .name}, {@code ['name']}) and array indexing ({@code
 * [0]}). Any other function is reported as unsupported rather than guessed at. Function names are
 * case-insensitive, as in ARM; {@code equals} compares JSON values exactly (strings
 * case-sensitively, numbers by value).
 *
 * <p>A string value is an expression when it starts with {@code [} and ends with {@code ]}; a
 * leading {@code [[} escapes a literal {@code [} (ARM's rule).
 */
public sealed interface ArmExpression {

  /** A constant: a string or integer literal. */
  record Literal(JsonNode value) implements ArmExpression {}

  /** A function call, {@code name(args...)}; the name is kept lower-case. */
  record Call(String function, List<ArmExpression> args) implements ArmExpression {
    /** Copies the list. */
    public Call {
      args = List.copyOf(args);
    }
  }

  /** Property access, {@code target.name} or {@code target['name']}. */
  record Member(ArmExpression target, String name) implements ArmExpression {}

  /** Array indexing, {@code target[index]}. */
  record Index(ArmExpression target, ArmExpression index) implements ArmExpression {}

  /** Whether {@code text} is an expression (as opposed to a literal or an escaped {@code [[}). */
  static boolean isExpression(String text) {
    return text.length() >= 2
        && text.startsWith("[")
        && text.endsWith("]")
        && !text.startsWith("[[");
  }

  /**
   * The value of a JSON string as written in a definition: the evaluated expression, the string
   * without its escaping {@code [} for {@code [[...}, or the string itself.
   *
   * @throws ArmExpressionException if the expression is malformed or cannot be evaluated
   */
  static JsonNode evaluateString(String text, Function<String, Optional<JsonNode>> parameters)
      throws ArmExpressionException {
    if (text.startsWith("[[")) {
      return TextNode.valueOf(text.substring(1));
    }
    if (!isExpression(text)) {
      return TextNode.valueOf(text);
    }
    return parse(text.substring(1, text.length() - 1)).evaluate(parameters);
  }

  /**
   * Parses the inside of {@code [...]}.
   *
   * @throws ArmExpressionException on a syntax error
   */
  static ArmExpression parse(String source) throws ArmExpressionException {
    return new ArmParser(source).parseAll();
  }

  /**
   * Evaluates this expression; {@code parameters} gives the value of each parameter in scope.
   *
   * @throws ArmExpressionException for an unknown function or parameter, a wrong argument, or a
   *     property or index that does not exist
   */
  default JsonNode evaluate(Function<String, Optional<JsonNode>> parameters)
      throws ArmExpressionException {
    return switch (this) {
      case Literal l -> l.value();
      case Call c -> ArmFunctions.call(c, parameters);
      case Member m -> member(m.target().evaluate(parameters), m.name());
      case Index i -> index(i.target().evaluate(parameters), i.index().evaluate(parameters));
    };
  }

  private static JsonNode member(JsonNode target, String name) throws ArmExpressionException {
    if (!target.isObject()) {
      throw new ArmExpressionException(
          "cannot read property '" + name + "' of " + ArmFunctions.describe(target));
    }
    JsonNode v = target.get(name);
    if (v == null) {
      // ARM property names are case-insensitive.
      for (var it = target.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (f.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          return target.get(f);
        }
      }
      throw new ArmExpressionException("property '" + name + "' does not exist");
    }
    return v;
  }

  private static JsonNode index(JsonNode target, JsonNode index) throws ArmExpressionException {
    if (index.isTextual()) {
      return member(target, index.asText());
    }
    if (!target.isArray() || !index.canConvertToInt()) {
      throw new ArmExpressionException(
          "cannot index " + ArmFunctions.describe(target) + " with " + index);
    }
    int i = index.asInt();
    if (i < 0 || i >= target.size()) {
      throw new ArmExpressionException(
          "index " + i + " is out of range (the array has " + target.size() + " items)");
    }
    return target.get(i);
  }

  /** A boolean literal, for tests and callers building expressions. */
  static ArmExpression bool(boolean b) {
    return new Literal(BooleanNode.valueOf(b));
  }
}
