package dev.gatehouse.admission.audit;

import java.util.List;

/**
 * One violation found on a resource.
 *
 * @param message the template's message (without the {@code [constraint]} prefix)
 * @param generated whether it was found on the pod generated from the resource's pod template
 * @param containers the containers it is attributed to (empty for pod-level violations and for
 *     objects without containers)
 */
public record Finding(String message, boolean generated, List<String> containers) {
  /** Copies the list. */
  public Finding {
    containers = List.copyOf(containers);
  }
}
