package dev.gatehouse.admission.audit;

import dev.gatehouse.admission.EnforcementAction;
import java.util.List;

/**
 * The compliance of one container of a pod (or of a workload's pod template): the violations
 * attributed to it.
 *
 * @param name the container's name
 * @param image its image
 * @param field {@code containers}, {@code initContainers} or {@code ephemeralContainers}
 * @param generated whether it is a container of the workload's pod template
 * @param state non-compliant when a violation is attributed to it, else compliant
 * @param violations the violations attributed to it
 */
public record ContainerCompliance(
    String name,
    String image,
    String field,
    boolean generated,
    ComplianceState state,
    List<Violation> violations) {
  /** Copies the list. */
  public ContainerCompliance {
    violations = List.copyOf(violations);
  }

  /**
   * A violation attributed to a container.
   *
   * @param policy the policy's name
   * @param constraint the constraint's name
   * @param definition the definition's display name ("" for plain constraints)
   * @param action the constraint's action
   * @param message the message
   */
  public record Violation(
      String policy,
      String constraint,
      String definition,
      EnforcementAction action,
      String message) {}
}
