package dev.gatehouse.netpol.ir;

import dev.gatehouse.netpol.algebra.IpSet;
import dev.gatehouse.netpol.l7.FqdnPattern;

/** The other end of a rule: which sources (ingress) or destinations (egress) it matches. */
public sealed interface PeerMatch {
  /** Workloads chosen by a selector. */
  record Pods(EndpointSelector selector) implements PeerMatch {}

  /**
   * Addresses (never pods, unless the engine profile says CIDRs match pod IPs). A set holding every
   * IPv4 address also matches the destinations named by DNS, whose addresses are not known.
   */
  record Addresses(IpSet addresses) implements PeerMatch {}

  /** Every peer: all workloads, all cluster entities, all addresses and all DNS names. */
  record Everything() implements PeerMatch {}

  /** A cluster entity that is not a workload (the host, other nodes, the API server). */
  record Entity(ClusterEntity entity) implements PeerMatch {}

  /** Egress destinations named by DNS (Cilium {@code toFQDNs}). */
  record Fqdn(FqdnPattern pattern) implements PeerMatch {}
}
