package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.ir.ClusterEntity;
import dev.gatehouse.netpol.l7.FqdnPattern;

/** One end of a connection in analysis output. */
public sealed interface Peer extends Comparable<Peer> {
  /** How the peer is printed, e.g. {@code ns/name[Deployment]}. */
  String label();

  /** The namespace for grouping ("" for peers outside the cluster). */
  String namespace();

  /** Peers sort by label (plain string order, as netpol-analyzer does). */
  @Override
  default int compareTo(Peer o) {
    return label().compareTo(o.label());
  }

  /** A workload. */
  record WorkloadPeer(Workload workload) implements Peer {
    @Override
    public String label() {
      return workload.key();
    }

    @Override
    public String namespace() {
      return workload.namespace();
    }
  }

  /** A range of addresses outside the cluster. */
  record IpPeer(IpRange range) implements Peer {
    @Override
    public String label() {
      return range + "[External]";
    }

    @Override
    public String namespace() {
      return "";
    }
  }

  /** The cluster's ingress controller (reached through Ingress/Route objects). */
  record IngressControllerPeer() implements Peer {
    @Override
    public String label() {
      return "{ingress-controller}";
    }

    @Override
    public String namespace() {
      return "";
    }
  }

  /** A cluster entity that is not a workload, printed e.g. {@code host[Entity]}. */
  record EntityPeer(ClusterEntity entity) implements Peer {
    @Override
    public String label() {
      return entity.label() + "[Entity]";
    }

    @Override
    public String namespace() {
      return "";
    }
  }

  /**
   * Destinations outside the cluster named by a DNS pattern, printed e.g. {@code
   * *.example.com[FQDN]}: connections to it hold for every name the pattern matches.
   */
  record FqdnPeer(FqdnPattern pattern) implements Peer {
    @Override
    public String label() {
      return pattern + "[FQDN]";
    }

    @Override
    public String namespace() {
      return "";
    }
  }
}
