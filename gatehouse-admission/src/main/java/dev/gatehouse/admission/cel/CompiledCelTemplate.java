package dev.gatehouse.admission.cel;

import dev.cel.runtime.CelRuntime;
import dev.gatehouse.admission.CelSource;
import dev.gatehouse.admission.CompiledTemplate;
import dev.gatehouse.admission.Constraint;
import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.admission.PolicyDriver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@code K8sNativeValidation} source with every expression compiled: immutable programs, plus a
 * cache of each constraint's converted {@code params} (keyed by name, checked by identity, so a
 * changed constraint object is converted again).
 */
final class CompiledCelTemplate implements CompiledTemplate {
  /** A compiled expression and its text (for messages). */
  record Expr(String source, CelRuntime.Program program) {}

  /** A compiled validation. */
  record Check(Expr expression, String message, @Nullable Expr messageExpression) {}

  /** A compiled match condition. */
  record Condition(String name, Expr expression) {}

  /** A constraint converted for CEL: {@code params} and {@code variables.params}. */
  record ConstraintValues(Constraint constraint, Object params, Object parameters) {}

  private final ConstraintTemplate template;
  private final CelDriver driver;
  private final Map<String, Expr> variables;
  private final List<Condition> conditions;
  private final List<Check> checks;
  private final CelSource.FailurePolicy failurePolicy;
  private final Map<String, ConstraintValues> constraintValues = new ConcurrentHashMap<>();

  CompiledCelTemplate(
      ConstraintTemplate template,
      CelDriver driver,
      Map<String, Expr> variables,
      List<Condition> conditions,
      List<Check> checks,
      CelSource.FailurePolicy failurePolicy) {
    this.template = template;
    this.driver = driver;
    this.variables = Map.copyOf(variables);
    this.conditions = List.copyOf(conditions);
    this.checks = List.copyOf(checks);
    this.failurePolicy = failurePolicy;
  }

  @Override
  public ConstraintTemplate template() {
    return template;
  }

  @Override
  public PolicyDriver driver() {
    return driver;
  }

  Map<String, Expr> variables() {
    return variables;
  }

  List<Condition> conditions() {
    return conditions;
  }

  List<Check> checks() {
    return checks;
  }

  CelSource.FailurePolicy failurePolicy() {
    return failurePolicy;
  }

  /**
   * {@code constraint} as CEL values, converted once per constraint object. Identity, not equality:
   * comparing constraint bodies would cost as much as converting them.
   */
  @SuppressWarnings("ReferenceEquality")
  ConstraintValues valuesOf(Constraint constraint) {
    ConstraintValues v = constraintValues.get(constraint.name());
    if (v == null || v.constraint() != constraint) {
      Object params = CelValues.of(constraint.body());
      Object parameters = CelValues.of(constraint.parameters());
      v = new ConstraintValues(constraint, params, parameters);
      constraintValues.put(constraint.name(), v);
    }
    return v;
  }
}
