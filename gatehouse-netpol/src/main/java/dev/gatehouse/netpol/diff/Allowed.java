package dev.gatehouse.netpol.diff;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.engine.Connection;
import dev.gatehouse.netpol.engine.L7Constraint;
import java.util.List;

/**
 * The connections one side of a diff allows from a source to a destination.
 *
 * <p>Two values are equal when they allow the same connections with the same L7 rules (compared as
 * printed, so the order in which the rules were collected does not matter).
 *
 * @param conns the connections allowed at L4 ({@link ConnectionSet#NONE} when none)
 * @param l7 the parts of {@code conns} whose requests L7 rules filter (empty: none)
 */
public record Allowed(ConnectionSet conns, List<L7Constraint> l7) {
  /** Nothing allowed, printed {@code No Connections}. */
  public static final Allowed NONE = new Allowed(ConnectionSet.NONE, List.of());

  /** Copies the list. */
  public Allowed {
    l7 = List.copyOf(l7);
  }

  /** What {@code c} allows. */
  public static Allowed of(Connection c) {
    return new Allowed(c.conns(), c.l7());
  }

  /** Whether nothing is allowed. */
  public boolean isEmpty() {
    return conns.isEmpty();
  }

  /** {@link Connection#text()} of these connections, or {@code No Connections}. */
  public String text() {
    return isEmpty() ? "No Connections" : Connection.text(conns, l7);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Allowed a
        && conns.equals(a.conns)
        && (l7.equals(a.l7) || text().equals(a.text()));
  }

  @Override
  public int hashCode() {
    return conns.hashCode();
  }
}
