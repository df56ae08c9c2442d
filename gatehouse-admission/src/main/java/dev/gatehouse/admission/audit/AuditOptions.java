package dev.gatehouse.admission.audit;

import java.time.Instant;
import java.util.List;

/**
 * How to audit.
 *
 * @param timestamp the audit time written into reports (fixed in tests for golden output)
 * @param expandWorkloads whether workloads' pod templates are reviewed as generated pods
 *     (Gatekeeper expansion; constraints decide with {@code match.source})
 * @param attributeContainers whether violations on pods are attributed to containers
 * @param policies descriptions of policies known to the caller (e.g. assignments, including those
 *     whose every definition is disabled); policies seen only through constraint annotations are
 *     described from those
 */
public record AuditOptions(
    Instant timestamp,
    boolean expandWorkloads,
    boolean attributeContainers,
    List<PolicyInfo> policies) {
  /** Copies the list. */
  public AuditOptions {
    policies = List.copyOf(policies);
  }

  /** Auditing now, expanding workloads and attributing containers. */
  public static AuditOptions defaults() {
    return new AuditOptions(Instant.now(), true, true, List.of());
  }

  /** These options with another timestamp. */
  public AuditOptions at(Instant time) {
    return new AuditOptions(time, expandWorkloads, attributeContainers, policies);
  }

  /** These options with caller-known policies. */
  public AuditOptions withPolicies(List<PolicyInfo> known) {
    return new AuditOptions(timestamp, expandWorkloads, attributeContainers, known);
  }
}
