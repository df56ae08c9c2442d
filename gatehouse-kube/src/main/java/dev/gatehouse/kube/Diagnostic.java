package dev.gatehouse.kube;

/**
 * A problem found in the user's input, as a value: severity, a stable code, where, and what.
 *
 * <p>Rendered as {@code file:line: message}; codes are API and never change meaning.
 */
public record Diagnostic(Severity severity, String code, SourceLocation location, String message) {

  /** An error: the object or document at {@code location} was skipped. */
  public static Diagnostic error(String code, SourceLocation location, String message) {
    return new Diagnostic(Severity.ERROR, code, location, message);
  }

  /** A warning: something was ignored, results are still computed. */
  public static Diagnostic warning(String code, SourceLocation location, String message) {
    return new Diagnostic(Severity.WARNING, code, location, message);
  }

  /** An informational note. */
  public static Diagnostic info(String code, SourceLocation location, String message) {
    return new Diagnostic(Severity.INFO, code, location, message);
  }

  /** {@code file:line: message}, prefixed with {@code warning: } for warnings. */
  public String render() {
    String prefix =
        switch (severity) {
          case ERROR -> "";
          case WARNING -> "warning: ";
          case INFO -> "note: ";
        };
    return location + ": " + prefix + message;
  }
}
