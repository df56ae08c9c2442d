package dev.gatehouse.rego;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a policy or query cannot be parsed or compiled, or when evaluation fails (conflicts,
 * strict builtin errors, step or time limits). Carries one or more {@link RegoError}s with OPA's
 * error codes.
 */
public final class RegoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Parse errors. */
  public static final String PARSE = "rego_parse_error";

  /** Compile errors. */
  public static final String COMPILE = "rego_compile_error";

  /** Type errors found at compile time (undefined functions, arity). */
  public static final String TYPE = "rego_type_error";

  /** Variables that cannot be bound. */
  public static final String UNSAFE_VAR = "rego_unsafe_var_error";

  /** Rules that depend on themselves. */
  public static final String RECURSION = "rego_recursion_error";

  /** Rules or functions producing several values. */
  public static final String CONFLICT = "eval_conflict_error";

  /** Builtin failures in strict mode. */
  public static final String BUILTIN = "eval_builtin_error";

  /** Builtin operand type errors in strict mode. */
  public static final String EVAL_TYPE = "eval_type_error";

  /** Step limit or timeout reached. */
  public static final String CANCEL = "eval_cancel_error";

  @SuppressWarnings("serial")
  private final List<RegoError> errors;

  /** An exception carrying the given errors (at least one). */
  public RegoException(List<RegoError> errors) {
    super(render(errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a RegoException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** An exception with one error. */
  public RegoException(String code, Location location, String message) {
    this(List.of(new RegoError(code, location, message)));
  }

  /** The rendered errors: one per line, each {@code file:line:col: code: message}. */
  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }

  /** All errors, in source order. */
  public List<RegoError> errors() {
    return errors;
  }

  /** The code of the first error. */
  public String code() {
    return errors.getFirst().code();
  }

  /** The location of the first error. */
  public Location location() {
    return errors.getFirst().location();
  }

  private static String render(List<RegoError> errors) {
    if (errors.size() == 1) {
      return errors.getFirst().toString();
    }
    return errors.size()
        + " errors occurred:\n"
        + errors.stream().map(RegoError::toString).collect(Collectors.joining("\n"));
  }
}
