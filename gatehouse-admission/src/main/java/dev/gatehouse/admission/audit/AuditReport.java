package dev.gatehouse.admission.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of an audit: compliance per policy and per resource.
 *
 * @param timestamp when the audit ran
 * @param policies per policy, by name
 * @param resources per audited resource, in input order (not-applicable ones included)
 */
public record AuditReport(
    Instant timestamp, List<PolicyCompliance> policies, List<ResourceCompliance> resources) {
  /** Copies the lists. */
  public AuditReport {
    policies = List.copyOf(policies);
    resources = List.copyOf(resources);
  }

  /** Resources by overall state (a resource counts once, whatever the number of policies). */
  public Counts counts() {
    Counts c = Counts.ZERO;
    for (ResourceCompliance r : resources) {
      c = c.plus(r.state());
    }
    return c;
  }

  /** Every violation found. */
  public int violations() {
    return resources.stream().mapToInt(ResourceCompliance::violationCount).sum();
  }

  /** The number of constraints evaluated. */
  public int constraints() {
    return policies.stream().mapToInt(p -> p.rules().size()).sum();
  }

  /** Whether any violation was found (what {@code --fail-on-violation} tests). */
  public boolean hasViolations() {
    return violations() > 0;
  }
}
