package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.algebra.Protocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Allowed connections from one peer to another.
 *
 * @param conns every connection allowed at L4
 * @param l7 the parts of {@code conns} whose requests L7 rules filter (empty: none)
 */
public record Connection(Peer src, Peer dst, ConnectionSet conns, List<L7Constraint> l7)
    implements Comparable<Connection> {

  /** Copies the list. */
  public Connection {
    l7 = List.copyOf(l7);
  }

  /** Connections without L7 rules. */
  public Connection(Peer src, Peer dst, ConnectionSet conns) {
    this(src, dst, conns, List.of());
  }

  /** Sorted by source label, then destination label. */
  @Override
  public int compareTo(Connection o) {
    int c = src.label().compareTo(o.src.label());
    return c != 0 ? c : dst.label().compareTo(o.dst.label());
  }

  /**
   * The connections as printed: {@link ConnectionSet#toString()} when no L7 rule applies;
   * otherwise, per protocol in printing order, the unfiltered ports ({@code TCP 80}) and then each
   * filtered range followed by its rules ({@code TCP 8080 (HTTP GET /api/.*)}), joined by commas.
   */
  public String text() {
    return text(conns, l7);
  }

  /** How {@code conns} filtered by {@code l7} print, as {@link #text()} describes. */
  public static String text(ConnectionSet conns, List<L7Constraint> l7) {
    if (l7.isEmpty()) {
      return conns.toString();
    }
    ConnectionSet filtered = ConnectionSet.NONE;
    for (L7Constraint c : l7) {
      filtered = filtered.union(c.conns());
    }
    ConnectionSet plain = conns.subtract(filtered);
    List<L7Constraint> sorted = new ArrayList<>(l7);
    List<String> items = new ArrayList<>();
    for (Protocol p : Protocol.values()) {
      if (!plain.ports(p).isEmpty()) {
        items.add(p + " " + plain.ports(p));
      }
      sorted.sort(Comparator.comparingInt(c -> first(c.conns().ports(p))));
      for (L7Constraint c : sorted) {
        PortSet ports = c.conns().ports(p);
        if (!ports.isEmpty()) {
          items.add(p + " " + ports + " " + c.rulesText());
        }
      }
    }
    return String.join(",", items);
  }

  private static int first(PortSet ports) {
    return ports.isEmpty() ? Integer.MAX_VALUE : ports.intervals().getFirst()[0];
  }
}
