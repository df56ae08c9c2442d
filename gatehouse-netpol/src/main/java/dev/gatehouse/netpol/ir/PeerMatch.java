package dev.gatehouse.netpol.ir;

import dev.gatehouse.netpol.algebra.IpSet;

/** The other end of a rule: which sources (ingress) or destinations (egress) it matches. */
public sealed interface PeerMatch {
  /** Workloads chosen by a selector. */
  record Pods(EndpointSelector selector) implements PeerMatch {}

  /** Addresses (never pods, unless the engine profile says CIDRs match pod IPs). */
  record Addresses(IpSet addresses) implements PeerMatch {}

  /** Every peer: all workloads and all addresses. */
  record Everything() implements PeerMatch {}
}
