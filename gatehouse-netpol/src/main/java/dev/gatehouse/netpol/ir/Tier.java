package dev.gatehouse.netpol.ir;

/**
 * Precedence tiers, highest first: AdminNetworkPolicy, Cilium deny rules, the allow union of
 * NetworkPolicy and Cilium allow rules (implicit deny once a subject is selected), then
 * BaselineAdminNetworkPolicy; traffic no tier decides is allowed.
 */
public enum Tier {
  /** AdminNetworkPolicy: by priority, then rule order; first match wins. */
  ADMIN,
  /** Cilium ingressDeny/egressDeny: beats every allow. */
  DENY,
  /** NetworkPolicy and Cilium allow rules, unioned. */
  ALLOW,
  /** BaselineAdminNetworkPolicy: rule order; first match wins. */
  BASELINE
}
