package dev.gatehouse.admission.azure;

/**
 * An ARM expression in a definition, initiative or assignment is malformed or cannot be evaluated
 * (unknown function or parameter, wrong argument, missing property). The caller locates it.
 */
public final class ArmExpressionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A problem described by {@code message}. */
  public ArmExpressionException(String message) {
    super(message);
  }
}
