package dev.gatehouse.admission.audit;

import java.util.List;

/**
 * The compliance of one resource with everything assigned.
 *
 * @param resource the resource
 * @param state the worst state over its results (not applicable when no constraint selects it)
 * @param results one per constraint that selects it, compliant ones included
 * @param containers per container, for pods and workloads with violations (empty otherwise)
 */
public record ResourceCompliance(
    ResourceRef resource,
    ComplianceState state,
    List<RuleResult> results,
    List<ContainerCompliance> containers) {
  /** Copies the lists. */
  public ResourceCompliance {
    results = List.copyOf(results);
    containers = List.copyOf(containers);
  }

  /** The results with violations. */
  public List<RuleResult> violated() {
    return results.stream().filter(r -> r.state() == ComplianceState.NON_COMPLIANT).toList();
  }

  /** The number of violations found. */
  public int violationCount() {
    return results.stream().mapToInt(r -> r.findings().size()).sum();
  }
}
