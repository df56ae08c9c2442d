package dev.gatehouse.admission.audit;

import java.util.List;

/**
 * The compliance of one policy: resources counted once each (non-compliant if any of its
 * constraints finds a violation), and per constraint.
 *
 * @param info what the policy is
 * @param counts resources by state
 * @param rules per constraint, by name
 */
public record PolicyCompliance(PolicyInfo info, Counts counts, List<RuleCompliance> rules) {
  /** Copies the list. */
  public PolicyCompliance {
    rules = List.copyOf(rules);
  }

  /** Every violation found by the policy's constraints. */
  public int totalViolations() {
    return rules.stream().mapToInt(RuleCompliance::totalViolations).sum();
  }
}
