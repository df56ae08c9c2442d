package dev.gatehouse.admission.azure;

import dev.gatehouse.admission.EnforcementAction;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One definition an assignment deploys (directly, or as an initiative member): the constraint it
 * became, or nothing when its effect is {@code Disabled}.
 *
 * @param assignment the assignment
 * @param definition the definition (the version used)
 * @param initiative the initiative it belongs to, or null
 * @param referenceId the member's {@code policyDefinitionReferenceId}, "" outside initiatives
 * @param effect the effect after parameters
 * @param action the constraint's enforcement action; null when disabled
 * @param constraintName the constraint's name; "" when disabled
 * @param constraintKind the constraint's kind (the template's kind); "" when disabled
 * @param templateName the template's name; "" when disabled
 */
public record DeployedPolicy(
    PolicyAssignment assignment,
    PolicyDefinition definition,
    @Nullable PolicySetDefinition initiative,
    String referenceId,
    Effect effect,
    @Nullable EnforcementAction action,
    String constraintName,
    String constraintKind,
    String templateName) {

  /** The enforcement action, empty when the definition is disabled. */
  public Optional<EnforcementAction> enforcementAction() {
    return Optional.ofNullable(action);
  }
}
