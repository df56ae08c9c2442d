package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One parameter of a definition or initiative ({@code properties.parameters.<name>}).
 *
 * @param name the parameter name
 * @param type its type
 * @param defaultValue {@code defaultValue}, if any (a parameter without one must be given)
 * @param allowedValues {@code allowedValues} (empty when any value of the type is allowed)
 * @param displayName {@code metadata.displayName} ("" when absent)
 * @param description {@code metadata.description} ("" when absent)
 * @param pointer the JSON pointer of the parameter in its file, for located errors
 */
public record ParameterDefinition(
    String name,
    ParameterType type,
    @Nullable JsonNode defaultValue,
    List<JsonNode> allowedValues,
    String displayName,
    String description,
    String pointer) {

  /** Copies the list. */
  public ParameterDefinition {
    allowedValues = List.copyOf(allowedValues);
  }

  /** The default value, if the parameter has one. */
  public Optional<JsonNode> defaultOf() {
    return Optional.ofNullable(defaultValue);
  }

  /**
   * Checks {@code value} against the type and the allowed values; strings among the allowed values
   * compare case-insensitively (definitions list {@code audit} and {@code Audit} alike, and
   * initiatives pass their own spelling on to members).
   *
   * @return the problem, or empty when the value is acceptable
   */
  public Optional<String> check(JsonNode value) {
    if (!type.accepts(value)) {
      return Optional.of(
          "parameter '"
              + name
              + "' must be of type "
              + type.displayName()
              + ", not "
              + ArmFunctions.describe(value));
    }
    if (!allowedValues.isEmpty() && allowedValues.stream().noneMatch(a -> same(a, value))) {
      return Optional.of(
          "parameter '"
              + name
              + "' does not allow "
              + ArmFunctions.describe(value)
              + " (allowed: "
              + String.join(", ", allowedValues.stream().map(JsonNode::toString).toList())
              + ")");
    }
    return Optional.empty();
  }

  /**
   * The allowed value equal to {@code text} ignoring case, preferring one that starts with an
   * upper-case letter ({@code Deny} over {@code deny}), or {@code text} itself when no value list
   * is declared.
   */
  public Optional<String> canonicalText(String text) {
    if (allowedValues.isEmpty()) {
      return Optional.of(text);
    }
    Optional<String> any = Optional.empty();
    for (JsonNode a : allowedValues) {
      if (a.isTextual() && a.asText().equalsIgnoreCase(text)) {
        if (!a.asText().isEmpty() && Character.isUpperCase(a.asText().charAt(0))) {
          return Optional.of(a.asText());
        }
        any = any.isPresent() ? any : Optional.of(a.asText());
      }
    }
    return any;
  }

  private static boolean same(JsonNode allowed, JsonNode value) {
    if (allowed.isTextual() && value.isTextual()) {
      return allowed.asText().equalsIgnoreCase(value.asText());
    }
    if (allowed.isNumber() && value.isNumber()) {
      return allowed.decimalValue().compareTo(value.decimalValue()) == 0;
    }
    return allowed.equals(value);
  }
}
