package dev.gatehouse.admission;

/**
 * Thrown when the user forces an engine (e.g. {@code --engine rego}) that no registered driver
 * provides. The message names the engine.
 */
public final class EngineUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The user asked for {@code engine}, which is not available. */
  public EngineUnavailableException(String engine) {
    super("engine " + engine + " not available");
  }
}
