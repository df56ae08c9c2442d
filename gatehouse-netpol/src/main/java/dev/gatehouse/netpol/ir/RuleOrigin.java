package dev.gatehouse.netpol.ir;

import dev.gatehouse.kube.SourceLocation;

/**
 * Where a rule comes from, for explanations.
 *
 * @param kind the policy kind, e.g. {@code NetworkPolicy}
 * @param policy the policy's name, {@code ns/name} for namespaced kinds
 * @param rule a human label of the rule, e.g. {@code Ingress rule #1} ("" for isolation markers)
 * @param name the rule's own name where the policy API names its rules (AdminNetworkPolicy and
 *     BaselineAdminNetworkPolicy rules), "" otherwise
 */
public record RuleOrigin(
    String kind, String policy, String rule, SourceLocation location, String name) {

  /** An origin of a rule the policy API does not name. */
  public RuleOrigin(String kind, String policy, String rule, SourceLocation location) {
    this(kind, policy, rule, location, "");
  }

  /** {@code NetworkPolicy 'ns/name'}. */
  public String policyLabel() {
    return kind + " '" + policy + "'";
  }
}
