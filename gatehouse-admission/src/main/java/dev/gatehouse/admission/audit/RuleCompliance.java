package dev.gatehouse.admission.audit;

import dev.gatehouse.admission.EnforcementAction;

/**
 * The compliance of the resources one constraint selects (a definition of an assignment).
 *
 * @param constraint the constraint's name
 * @param constraintKind its kind
 * @param definition the definition's display name ("" for plain constraints)
 * @param referenceId the initiative member's reference id ("" otherwise)
 * @param action its action at the audit enforcement point
 * @param counts resources by state
 * @param totalViolations every violation found (Gatekeeper's {@code status.totalViolations})
 */
public record RuleCompliance(
    String constraint,
    String constraintKind,
    String definition,
    String referenceId,
    EnforcementAction action,
    Counts counts,
    int totalViolations) {}
