package dev.gatehouse.netpol.engine;

import java.util.List;

/**
 * Everything that may talk to everything else: the allowed connections (sorted, non-empty, no
 * self-loops) and every peer of the analysis (workloads, including isolated ones).
 */
public record ConnectivityReport(List<Connection> connections, List<Peer> workloads) {

  /**
   * Only the connections from or to the named workloads ({@code name} or {@code ns/name}), and only
   * those workloads.
   */
  public ConnectivityReport focusOn(List<String> names) {
    if (names.isEmpty()) {
      return this;
    }
    List<Connection> conns =
        connections.stream().filter(c -> named(c.src(), names) || named(c.dst(), names)).toList();
    List<Peer> peers = workloads.stream().filter(p -> named(p, names)).toList();
    return new ConnectivityReport(conns, peers);
  }

  /** Whether {@code p} is a workload that {@code names} names. */
  public static boolean named(Peer p, List<String> names) {
    if (!(p instanceof Peer.WorkloadPeer w)) {
      return false;
    }
    String name = w.workload().name();
    String qualified = w.workload().namespace() + "/" + name;
    return names.stream().anyMatch(f -> f.equals(name) || f.equals(qualified));
  }
}
