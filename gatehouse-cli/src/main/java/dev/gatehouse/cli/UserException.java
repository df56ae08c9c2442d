package dev.gatehouse.cli;

/** Thrown by a command when the user's input cannot be used; printed without a stack trace. */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /** A problem with the user's input; exits with {@link ExitCodes#ERROR}. */
  public UserException(String message) {
    this(message, ExitCodes.ERROR);
  }

  /** A problem with the user's input that exits with the given code. */
  public UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The process exit code for this problem. */
  public int exitCode() {
    return exitCode;
  }
}
