package dev.gatehouse.netpol.diff;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.engine.Connection;

/**
 * The connections one side of a diff allows from a source to a destination.
 *
 * @param conns the connections allowed at L4 ({@link ConnectionSet#NONE} when none)
 * @param text how they print: {@link Connection#text()} (with any L7 rules), or {@code No
 *     Connections}
 */
public record Allowed(ConnectionSet conns, String text) {
  /** Nothing allowed, printed {@code No Connections}. */
  public static final Allowed NONE = new Allowed(ConnectionSet.NONE, "No Connections");

  /** What {@code c} allows. */
  public static Allowed of(Connection c) {
    return new Allowed(c.conns(), c.text());
  }

  /** Whether nothing is allowed. */
  public boolean isEmpty() {
    return conns.isEmpty();
  }
}
