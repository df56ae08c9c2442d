package dev.gatehouse.netpol.diff;

import dev.gatehouse.netpol.engine.Peer;
import java.util.List;

/**
 * The counts of a diff and the workloads it newly isolates.
 *
 * @param newlyIsolatedIngress workloads of both sides that a policy selects for ingress in the new
 *     manifests but not in the base ones (sorted by label)
 * @param newlyIsolatedEgress the same for egress
 */
public record DiffSummary(
    int added,
    int removed,
    int changed,
    List<Peer> newlyIsolatedIngress,
    List<Peer> newlyIsolatedEgress) {

  /** Copies the lists. */
  public DiffSummary {
    newlyIsolatedIngress = List.copyOf(newlyIsolatedIngress);
    newlyIsolatedEgress = List.copyOf(newlyIsolatedEgress);
  }

  /** {@code diff: 3 added, 1 removed, 2 changed; newly isolated: ingress 2, egress 0}. */
  public String line() {
    return "diff: "
        + added
        + " added, "
        + removed
        + " removed, "
        + changed
        + " changed; newly isolated: ingress "
        + newlyIsolatedIngress.size()
        + ", egress "
        + newlyIsolatedEgress.size();
  }
}
