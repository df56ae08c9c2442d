package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.algebra.Protocol;
import java.util.List;

/**
 * A part of the connections between two peers that every policy treats alike: allowed or denied as
 * a whole, for the same reasons on each side.
 *
 * @param conns the connections of the part (never empty)
 * @param allowed whether both sides allow them
 */
public record ExplainedPart(
    ConnectionSet conns, boolean allowed, ExplainedSide egress, ExplainedSide ingress) {

  private static final List<Protocol> PRINT_ORDER =
      List.of(Protocol.TCP, Protocol.UDP, Protocol.SCTP);

  /** Whether only the system default decided both sides. */
  public boolean systemDefaultOnly() {
    return egress.systemDefaultOnly() && ingress.systemDefaultOnly();
  }

  /**
   * The part's connections as netpol-analyzer's explanations print them: protocols in the order
   * TCP, UDP, SCTP, each alone when all its ports are in, else with its ports, e.g. {@code
   * TCP:[1-79,81-65535], UDP}.
   */
  public String portsText() {
    StringBuilder sb = new StringBuilder();
    for (Protocol p : PRINT_ORDER) {
      PortSet ports = conns.ports(p);
      if (ports.isEmpty()) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append(", ");
      }
      sb.append(p.name());
      if (!ports.isAll()) {
        sb.append(":[").append(ports).append(']');
      }
    }
    return sb.toString();
  }

  /** The same part reduced to {@code c} (which must intersect it). */
  ExplainedPart restrictedTo(ConnectionSet c) {
    return new ExplainedPart(conns.intersect(c), allowed, egress, ingress);
  }
}
