package dev.gatehouse.admission.audit;

import dev.gatehouse.admission.EnforcementAction;
import java.util.List;

/**
 * The evaluation of one constraint on one resource (its original object and, for workloads, its
 * generated pod).
 *
 * @param policy the policy the constraint belongs to ({@link PolicyInfo#name})
 * @param constraint the constraint's name
 * @param constraintKind the constraint's kind
 * @param definition the Azure definition's display name, "" for a plain constraint
 * @param action the constraint's action at the audit enforcement point (the strongest if several)
 * @param state compliant, non-compliant or error
 * @param findings the violations (empty when compliant)
 * @param error why it could not be evaluated ("" unless the state is error)
 */
public record RuleResult(
    String policy,
    String constraint,
    String constraintKind,
    String definition,
    EnforcementAction action,
    ComplianceState state,
    List<Finding> findings,
    String error) {
  /** Copies the list. */
  public RuleResult {
    findings = List.copyOf(findings);
  }
}
