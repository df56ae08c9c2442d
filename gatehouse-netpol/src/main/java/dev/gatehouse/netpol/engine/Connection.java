package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;

/** Allowed connections from one peer to another. */
public record Connection(Peer src, Peer dst, ConnectionSet conns)
    implements Comparable<Connection> {
  /** Sorted by source label, then destination label. */
  @Override
  public int compareTo(Connection o) {
    int c = src.label().compareTo(o.src.label());
    return c != 0 ? c : dst.label().compareTo(o.dst.label());
  }
}
