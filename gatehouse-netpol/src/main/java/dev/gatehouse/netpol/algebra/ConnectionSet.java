package dev.gatehouse.netpol.algebra;

import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable set of L4 connections: for each {@link Protocol}, a {@link PortSet} of destination
 * ports.
 *
 * <p>Printed as netpol-analyzer does: {@code All Connections} when every protocol has every port;
 * otherwise {@code PROTO ports} items in protocol order joined by {@code ,} (e.g. {@code TCP 80,UDP
 * 53}); {@code No Connections} when empty.
 */
public final class ConnectionSet {
  private static final Protocol[] PROTOCOLS = Protocol.values();

  /** No connection at all. */
  public static final ConnectionSet NONE =
      new ConnectionSet(new PortSet[] {PortSet.NONE, PortSet.NONE, PortSet.NONE});

  /** Every port of every protocol. */
  public static final ConnectionSet ALL =
      new ConnectionSet(new PortSet[] {PortSet.ALL, PortSet.ALL, PortSet.ALL});

  /** {@link #allOf} for each protocol, by ordinal (immutable, so shared). */
  private static final ConnectionSet[] ALL_OF = {
    of(Protocol.SCTP, PortSet.ALL), of(Protocol.TCP, PortSet.ALL), of(Protocol.UDP, PortSet.ALL)
  };

  private final PortSet[] byProtocol;

  private ConnectionSet(PortSet[] byProtocol) {
    this.byProtocol = byProtocol;
  }

  /** The given ports of one protocol. */
  public static ConnectionSet of(Protocol protocol, PortSet ports) {
    PortSet[] p = {PortSet.NONE, PortSet.NONE, PortSet.NONE};
    p[protocol.ordinal()] = ports;
    return make(p);
  }

  /** Every port of one protocol. */
  public static ConnectionSet allOf(Protocol protocol) {
    return ALL_OF[protocol.ordinal()];
  }

  private static ConnectionSet make(PortSet[] p) {
    boolean none = true;
    boolean all = true;
    for (PortSet s : p) {
      none &= s.isEmpty();
      all &= s.isAll();
    }
    return none ? NONE : all ? ALL : new ConnectionSet(p);
  }

  /** The ports of {@code protocol}. */
  public PortSet ports(Protocol protocol) {
    return byProtocol[protocol.ordinal()];
  }

  /** Whether no connection is in the set. */
  public boolean isEmpty() {
    return this == NONE;
  }

  /** Whether every connection is in the set. */
  public boolean isAll() {
    return this == ALL;
  }

  /** Whether the connection {@code protocol/port} is in the set. */
  public boolean contains(Protocol protocol, int port) {
    return byProtocol[protocol.ordinal()].contains(port);
  }

  /** Whether every connection of {@code other} is in this set. */
  public boolean containsAll(ConnectionSet other) {
    return other.subtract(this).isEmpty();
  }

  /** The union. */
  public ConnectionSet union(ConnectionSet o) {
    if (o == NONE || this == ALL) {
      return this;
    }
    if (this == NONE || o == ALL) {
      return o;
    }
    PortSet[] p = new PortSet[PROTOCOLS.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = byProtocol[i].union(o.byProtocol[i]);
    }
    return make(p);
  }

  /** The intersection. */
  public ConnectionSet intersect(ConnectionSet o) {
    if (o == ALL || this == NONE) {
      return this;
    }
    if (this == ALL || o == NONE) {
      return o;
    }
    PortSet[] p = new PortSet[PROTOCOLS.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = byProtocol[i].intersect(o.byProtocol[i]);
    }
    return make(p);
  }

  /** The connections of this set that are not in {@code o}. */
  public ConnectionSet subtract(ConnectionSet o) {
    if (o == NONE || this == NONE) {
      return this;
    }
    if (o == ALL) {
      return NONE;
    }
    PortSet[] p = new PortSet[PROTOCOLS.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = byProtocol[i].subtract(o.byProtocol[i]);
    }
    return make(p);
  }

  /** The non-empty protocols with their ports, in printing order. */
  public Map<Protocol, PortSet> byProtocol() {
    Map<Protocol, PortSet> out = new EnumMap<>(Protocol.class);
    for (Protocol p : PROTOCOLS) {
      if (!byProtocol[p.ordinal()].isEmpty()) {
        out.put(p, byProtocol[p.ordinal()]);
      }
    }
    return out;
  }

  /** Renders as netpol-analyzer does (see the class comment). */
  @Override
  public String toString() {
    if (this == ALL) {
      return "All Connections";
    }
    if (this == NONE) {
      return "No Connections";
    }
    StringBuilder sb = new StringBuilder();
    for (Protocol p : PROTOCOLS) {
      PortSet ports = byProtocol[p.ordinal()];
      if (!ports.isEmpty()) {
        if (!sb.isEmpty()) {
          sb.append(',');
        }
        sb.append(p.name()).append(' ').append(ports);
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectionSet c && java.util.Arrays.equals(byProtocol, c.byProtocol);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(byProtocol);
  }
}
