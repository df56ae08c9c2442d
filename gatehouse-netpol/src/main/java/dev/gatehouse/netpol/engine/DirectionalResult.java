package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import java.util.Arrays;

/**
 * What one subject allows in one direction: {@code fallback} for every peer not listed, and
 * explicit connections for the listed peers (sorted peer indexes).
 */
record DirectionalResult(ConnectionSet fallback, int[] peers, ConnectionSet[] conns) {

  static final DirectionalResult ALLOW_ALL =
      new DirectionalResult(ConnectionSet.ALL, new int[0], new ConnectionSet[0]);

  /** The connections allowed with {@code peer}. */
  ConnectionSet get(int peer) {
    int i = Arrays.binarySearch(peers, peer);
    return i >= 0 ? conns[i] : fallback;
  }

  /** Whether {@code peer} has an explicit entry. */
  boolean lists(int peer) {
    return Arrays.binarySearch(peers, peer) >= 0;
  }
}
