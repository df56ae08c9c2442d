package dev.gatehouse.admission;

import java.util.List;

/**
 * A {@code K8sNativeValidation} source: ValidatingAdmissionPolicy-style variables, validations and
 * match conditions, run by the CEL driver.
 *
 * @param variables evaluated lazily, in order, after Gatekeeper's {@code anyObject} and {@code
 *     params}; a variable may reference earlier ones
 * @param validations each expression must evaluate to {@code true}
 * @param matchConditions all must be {@code true} for the validations to run
 * @param failurePolicy what an evaluation error does
 * @param pointer where the source is in the template
 */
public record CelSource(
    List<Variable> variables,
    List<Validation> validations,
    List<MatchCondition> matchConditions,
    FailurePolicy failurePolicy,
    String pointer)
    implements TemplateSource {
  /** The engine name used in {@code code[].engine}. */
  public static final String ENGINE = "K8sNativeValidation";

  /** Copies the lists. */
  public CelSource {
    variables = List.copyOf(variables);
    validations = List.copyOf(validations);
    matchConditions = List.copyOf(matchConditions);
  }

  @Override
  public String engine() {
    return ENGINE;
  }

  /** A named expression, available to later expressions as {@code variables.<name>}. */
  public record Variable(String name, String expression, String pointer) {}

  /**
   * A validation; {@code message} and {@code messageExpression} are "" when absent.
   *
   * @param pointer where the validation is in the template
   */
  public record Validation(
      String expression, String message, String messageExpression, String pointer) {}

  /** A named boolean expression; {@code false} means the constraint does not apply. */
  public record MatchCondition(String name, String expression, String pointer) {}

  /** {@code failurePolicy}: whether an evaluation error denies ({@code Fail}) or is ignored. */
  public enum FailurePolicy {
    /** An error becomes a violation whose message is the error (the default). */
    FAIL,
    /** An error is dropped. */
    IGNORE
  }
}
