package dev.gatehouse.rego.internal.builtins;

import dev.gatehouse.rego.RegoException;

/**
 * A builtin failed: a wrong operand type ({@code eval_type_error}) or another failure ({@code
 * eval_builtin_error}). The evaluator turns it into an undefined result unless strict mode is on.
 * Stack traces are not recorded: the exception is a value carried to the call site.
 */
public final class BuiltinException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  BuiltinException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  static BuiltinException type(String fn, String message) {
    return new BuiltinException(RegoException.EVAL_TYPE, fn + ": " + message);
  }

  static BuiltinException failed(String fn, String message) {
    return new BuiltinException(RegoException.BUILTIN, fn + ": " + message);
  }

  /** OPA's error code. */
  public String code() {
    return code;
  }
}
