package dev.gatehouse.netpol.ir;

import dev.gatehouse.kube.SourceLocation;

/**
 * Where a rule comes from, for explanations.
 *
 * @param kind the policy kind, e.g. {@code NetworkPolicy}
 * @param policy the policy's name, {@code ns/name} for namespaced kinds
 * @param rule a human label of the rule, e.g. {@code Ingress rule #1} ("" for isolation markers)
 */
public record RuleOrigin(String kind, String policy, String rule, SourceLocation location) {
  /** {@code NetworkPolicy 'ns/name'}. */
  public String policyLabel() {
    return kind + " '" + policy + "'";
  }
}
