package dev.gatehouse.admission.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.admission.CompiledTemplate;
import dev.gatehouse.admission.Constraint;
import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.admission.PolicyDriver;
import dev.gatehouse.rego.CompiledPolicy;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.PreparedQuery;
import dev.gatehouse.rego.Value;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A template's Rego compiled once (its own policy: the rewritten module and libs) with the prepared
 * {@code data.template.violation} query, plus a cache of each constraint's converted {@code
 * parameters} (keyed by name, checked by identity, so a changed constraint is converted again).
 */
final class CompiledRegoTemplate implements CompiledTemplate {
  /** The rule the hook evaluates. */
  static final String VIOLATION = "data." + TemplateRewriter.TEMPLATE_PACKAGE + ".violation";

  private record Parameters(Constraint constraint, Value value) {}

  private final ConstraintTemplate template;
  private final RegoDriver driver;
  private final CompiledPolicy policy;
  private final PreparedQuery violations;
  private final Map<String, Parameters> parameters = new ConcurrentHashMap<>();

  CompiledRegoTemplate(ConstraintTemplate template, RegoDriver driver, CompiledPolicy policy) {
    this.template = template;
    this.driver = driver;
    this.policy = policy;
    this.violations = policy.prepare(VIOLATION);
  }

  @Override
  public ConstraintTemplate template() {
    return template;
  }

  @Override
  public PolicyDriver driver() {
    return driver;
  }

  /** The compiled modules. */
  CompiledPolicy policy() {
    return policy;
  }

  /** The prepared query for {@code data.template.violation}. */
  PreparedQuery violations() {
    return violations;
  }

  /**
   * {@code input.parameters} for {@code constraint}: its {@code spec.parameters}, or {@code {}}
   * when absent or null (Gatekeeper's {@code AddConstraint}). Converted once per constraint object;
   * identity, not equality, because comparing would cost as much as converting.
   */
  @SuppressWarnings("ReferenceEquality")
  Value parametersOf(Constraint constraint) {
    Parameters p = parameters.get(constraint.name());
    if (p == null || p.constraint() != constraint) {
      JsonNode node = constraint.parameters();
      Value v = node.isMissingNode() || node.isNull() ? ObjectValue.EMPTY : RegoValues.of(node);
      p = new Parameters(constraint, v);
      parameters.put(constraint.name(), p);
    }
    return p.value();
  }
}
