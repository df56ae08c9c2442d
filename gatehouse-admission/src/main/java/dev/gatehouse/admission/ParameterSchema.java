package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Validates constraint parameters against a template's {@code openAPIV3Schema}, the subset of
 * structural schemas that Kubernetes applies to custom resources: {@code type}, {@code properties},
 * {@code additionalProperties}, {@code items}, {@code required}, {@code enum}, {@code nullable},
 * {@code pattern}, {@code minimum}/{@code maximum}, {@code minItems}/{@code maxItems}, {@code
 * minLength}/{@code maxLength}, {@code x-kubernetes-int-or-string} and {@code
 * x-kubernetes-preserve-unknown-fields}.
 *
 * <p>Type errors are errors (Gatekeeper rejects the constraint); unknown fields are reported
 * separately, since the API server prunes them instead of rejecting (and legacy schemas keep them).
 */
final class ParameterSchema {
  private final BiConsumer<String, String> errors;
  private final BiConsumer<String, String> unknown;

  private ParameterSchema(BiConsumer<String, String> errors, BiConsumer<String, String> unknown) {
    this.errors = errors;
    this.unknown = unknown;
  }

  /**
   * Validates {@code value} at JSON pointer {@code at}; {@code errors} and {@code unknown} receive
   * (pointer, message).
   */
  static void validate(
      JsonNode schema,
      JsonNode value,
      String at,
      BiConsumer<String, String> errors,
      BiConsumer<String, String> unknown) {
    new ParameterSchema(errors, unknown).check(schema, value, at);
  }

  private void check(JsonNode schema, JsonNode value, String at) {
    if (!schema.isObject() || schema.isEmpty()) {
      return;
    }
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false) && schema.has("type")) {
        errors.accept(at, "must be " + schema.path("type").asText() + ", not null");
      }
      return;
    }
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        errors.accept(at, "must be an integer or a string");
      }
      return;
    }
    String type = schema.path("type").asText("");
    if (!type.isEmpty() && !hasType(value, type)) {
      errors.accept(at, "must be " + article(type) + ", not " + describe(value));
      return;
    }
    checkEnum(schema, value, at);
    if (value.isObject()) {
      checkObject(schema, value, at);
    } else if (value.isArray()) {
      checkArray(schema, value, at);
    } else if (value.isTextual()) {
      checkString(schema, value.asText(), at);
    } else if (value.isNumber()) {
      checkBounds(schema, value.asDouble(), at);
    }
  }

  private void checkObject(JsonNode schema, JsonNode value, String at) {
    JsonNode props = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
      if (props.has(e.getKey())) {
        check(props.get(e.getKey()), e.getValue(), p);
      } else if (additional.isObject()) {
        check(additional, e.getValue(), p);
      } else if (!preserve && !additional.asBoolean(false) && props.isObject()) {
        unknown.accept(p, "unknown field \"" + e.getKey() + "\"");
      }
    }
    for (JsonNode r : schema.path("required")) {
      if (!value.has(r.asText())) {
        errors.accept(at, "missing required field \"" + r.asText() + "\"");
      }
    }
  }

  private void checkArray(JsonNode schema, JsonNode value, String at) {
    JsonNode items = schema.path("items");
    for (int i = 0; i < value.size(); i++) {
      check(items, value.get(i), at + "/" + i);
    }
    if (schema.has("minItems") && value.size() < schema.path("minItems").asInt()) {
      errors.accept(at, "must have at least " + schema.path("minItems").asInt() + " items");
    }
    if (schema.has("maxItems") && value.size() > schema.path("maxItems").asInt()) {
      errors.accept(at, "must have at most " + schema.path("maxItems").asInt() + " items");
    }
  }

  private void checkString(JsonNode schema, String s, String at) {
    if (schema.has("minLength") && s.length() < schema.path("minLength").asInt()) {
      errors.accept(at, "must be at least " + schema.path("minLength").asInt() + " characters");
    }
    if (schema.has("maxLength") && s.length() > schema.path("maxLength").asInt()) {
      errors.accept(at, "must be at most " + schema.path("maxLength").asInt() + " characters");
    }
    if (schema.path("pattern").isTextual()) {
      try {
        if (!Pattern.compile(schema.path("pattern").asText()).matcher(s).find()) {
          errors.accept(at, "must match the pattern " + schema.path("pattern").asText());
        }
      } catch (PatternSyntaxException e) {
        errors.accept(at, "the schema's pattern is not a valid regular expression");
      }
    }
  }

  private void checkBounds(JsonNode schema, double v, String at) {
    if (schema.path("minimum").isNumber() && v < schema.path("minimum").asDouble()) {
      errors.accept(at, "must be at least " + schema.path("minimum").asText());
    }
    if (schema.path("maximum").isNumber() && v > schema.path("maximum").asDouble()) {
      errors.accept(at, "must be at most " + schema.path("maximum").asText());
    }
  }

  private void checkEnum(JsonNode schema, JsonNode value, String at) {
    JsonNode allowed = schema.path("enum");
    if (!allowed.isArray()) {
      return;
    }
    for (JsonNode a : allowed) {
      if (a.equals(value)
          || (a.isNumber() && value.isNumber() && a.asDouble() == value.asDouble())) {
        return;
      }
    }
    errors.accept(at, "must be one of " + allowed + ", not " + value);
  }

  private static boolean hasType(JsonNode v, String type) {
    return switch (type) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isTextual();
      case "integer" ->
          v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
      case "number" -> v.isNumber();
      case "boolean" -> v.isBoolean();
      default -> true;
    };
  }

  private static String article(String type) {
    return switch (type) {
      case "object", "array", "integer" -> "an " + type;
      default -> "a " + type;
    };
  }

  private static String describe(JsonNode v) {
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isTextual()) {
      return "the string \"" + v.asText() + "\"";
    }
    return v.toString();
  }
}
