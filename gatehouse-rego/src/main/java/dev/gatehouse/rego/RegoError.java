package dev.gatehouse.rego;

/**
 * One problem found while parsing, compiling or evaluating Rego.
 *
 * @param code OPA's error code, e.g. {@code rego_parse_error} or {@code eval_conflict_error}
 * @param location where the problem is, or {@link Location#NONE}
 * @param message the human-readable message, without code or location
 */
public record RegoError(String code, Location location, String message) {
  /** Rendered as OPA does: {@code file:line:col: code: message}. */
  @Override
  public String toString() {
    String where = location.toString();
    return (where.isEmpty() ? "" : where + ": ") + code + ": " + message;
  }
}
