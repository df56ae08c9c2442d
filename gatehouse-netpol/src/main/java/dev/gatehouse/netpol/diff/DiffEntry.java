package dev.gatehouse.netpol.diff;

import dev.gatehouse.netpol.engine.Peer;

/**
 * How the connections from {@code src} to {@code dst} differ.
 *
 * @param before what the base manifests allow ({@link Allowed#NONE} for {@link DiffType#ADDED})
 * @param after what the new manifests allow ({@link Allowed#NONE} for {@link DiffType#REMOVED})
 * @param srcAddedOrRemoved the source is a workload that exists only in the new manifests (for an
 *     added entry) or only in the base manifests (for a removed entry)
 * @param dstAddedOrRemoved the same for the destination
 */
public record DiffEntry(
    DiffType type,
    Peer src,
    Peer dst,
    Allowed before,
    Allowed after,
    boolean srcAddedOrRemoved,
    boolean dstAddedOrRemoved) {

  /**
   * netpol-analyzer's {@code workloads-diff-info} text: {@code workload S added}, {@code workload D
   * removed}, {@code workload S and D added}, or empty when both ends exist on both sides.
   */
  public String workloadsDiffInfo() {
    if (!srcAddedOrRemoved && !dstAddedOrRemoved) {
      return "";
    }
    StringBuilder sb = new StringBuilder("workload ");
    if (srcAddedOrRemoved) {
      sb.append(src.label());
    }
    if (dstAddedOrRemoved) {
      sb.append(srcAddedOrRemoved ? " and " : "").append(dst.label());
    }
    return sb.append(' ').append(type.text()).toString();
  }

  /** Whether the source is the ingress controller (such entries are listed after the others). */
  public boolean fromIngressController() {
    return src instanceof Peer.IngressControllerPeer;
  }
}
