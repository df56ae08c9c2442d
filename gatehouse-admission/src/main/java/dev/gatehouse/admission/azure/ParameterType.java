package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of a definition or initiative parameter ({@code parameters.<name>.type}); type names are
 * case-insensitive ({@code Array} and {@code array} are the same), as in Azure Policy.
 */
public enum ParameterType {
  /** {@code String}. */
  STRING,
  /** {@code Array}. */
  ARRAY,
  /** {@code Object}. */
  OBJECT,
  /** {@code Boolean}. */
  BOOLEAN,
  /** {@code Integer}. */
  INTEGER,
  /** {@code Float}. */
  FLOAT,
  /** {@code DateTime} (an ISO 8601 string). */
  DATETIME;

  /** Parses a type name, ignoring case. */
  public static Optional<ParameterType> parse(String name) {
    for (ParameterType t : values()) {
      if (t.name().equalsIgnoreCase(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The name as Azure writes it ({@code String}, {@code Array}, {@code DateTime}...). */
  public String displayName() {
    return this == DATETIME
        ? "DateTime"
        : name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }

  /** Whether {@code v} is a value of this type ({@code null} is never one). */
  public boolean accepts(JsonNode v) {
    return switch (this) {
      case STRING, DATETIME -> v.isTextual();
      case ARRAY -> v.isArray();
      case OBJECT -> v.isObject();
      case BOOLEAN -> v.isBoolean();
      case INTEGER -> v.isIntegralNumber();
      case FLOAT -> v.isNumber();
    };
  }
}
