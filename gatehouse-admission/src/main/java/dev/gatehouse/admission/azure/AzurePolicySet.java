package dev.gatehouse.admission.azure;

import dev.gatehouse.admission.PolicySet;
import java.util.List;

/**
 * Policies read from an input with assignments: the {@link PolicySet} the admission engine compiles
 * (the input's own templates and constraints plus those the assignments deploy; the assignments
 * themselves are not among the objects to review), the assignments, and what each deployed.
 */
public record AzurePolicySet(
    PolicySet policies, List<PolicyAssignment> assignments, List<DeployedPolicy> deployed) {
  /** Copies the lists. */
  public AzurePolicySet {
    assignments = List.copyOf(assignments);
    deployed = List.copyOf(deployed);
  }
}
