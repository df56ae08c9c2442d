package dev.gatehouse.cli;

/** Exit codes shared by every command: 0 ok, 1 findings, 2 usage, 3 error. */
public final class ExitCodes {
  /** Success, nothing found. */
  public static final int OK = 0;

  /** Denied, violations, failed tests, or a non-empty diff. */
  public static final int FINDINGS = 1;

  /** The command line was wrong. */
  public static final int USAGE = 2;

  /** Input could not be used (or {@code --strict} saw a problem), or an internal error. */
  public static final int ERROR = 3;

  private ExitCodes() {}
}
