package dev.gatehouse.netpol.engine;

import java.util.List;

/**
 * One application-layer check of a verdict: whether an HTTP request passes the L7 rules of its
 * connection, or whether a DNS name can be resolved (and its addresses learned) for {@code
 * toFQDNs}.
 *
 * @param what what was checked, e.g. {@code HTTP GET /api/items} or {@code DNS api.example.com}
 * @param reasons the policies and rules responsible, most decisive first
 */
public record RequestCheck(String what, boolean allowed, List<Reason> reasons) {
  /** Copies the list. */
  public RequestCheck {
    reasons = List.copyOf(reasons);
  }
}
