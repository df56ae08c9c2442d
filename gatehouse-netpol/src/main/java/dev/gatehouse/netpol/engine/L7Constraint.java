package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.l7.L7Rules;

/**
 * Connections that are allowed at L4 but whose requests are filtered by L7 rules: a request on
 * {@code conns} passes only if the source's egress rules admit it and the destination's ingress
 * rules admit it ({@link L7Rules#NONE} on a side that does not restrict).
 */
public record L7Constraint(ConnectionSet conns, L7Rules egress, L7Rules ingress) {

  /** {@code (HTTP GET /a | HTTP GET /b)}, or {@code (E) and (I)} when both sides restrict. */
  public String rulesText() {
    if (egress.isEmpty()) {
      return "(" + ingress + ")";
    }
    if (ingress.isEmpty()) {
      return "(" + egress + ")";
    }
    return "(" + egress + ") and (" + ingress + ")";
  }
}
