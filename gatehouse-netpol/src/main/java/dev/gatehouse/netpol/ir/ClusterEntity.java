package dev.gatehouse.netpol.ir;

/**
 * Peers inside the cluster that are not workloads, as Cilium names them ({@code
 * pkg/policy/api/entity.go}). Each is one peer of the analysis; none has an address a CIDR rule
 * could match.
 */
public enum ClusterEntity {
  /** The local node, including host-network pods on it ({@code reserved:host}). */
  HOST("host"),
  /** Every other node of the cluster, including their host-network pods. */
  REMOTE_NODE("remote-node"),
  /** The Kubernetes API server. */
  KUBE_APISERVER("kube-apiserver");

  private final String label;

  ClusterEntity(String label) {
    this.label = label;
  }

  /** The entity's name as Cilium writes it, e.g. {@code remote-node}. */
  public String label() {
    return label;
  }
}
