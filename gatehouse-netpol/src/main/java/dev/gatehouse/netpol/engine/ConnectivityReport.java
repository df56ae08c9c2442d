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
    return focus(ConnectivityFocus.on(names));
  }

  /**
   * Only the connections and workloads in {@code focus}; nothing at all when none of its workloads
   * (or, if it names peers, none of its peers) exists.
   */
  public ConnectivityReport focus(ConnectivityFocus focus) {
    if (focus.isEmpty()) {
      return this;
    }
    if (!focus.findsAnything(workloads, connections)) {
      return new ConnectivityReport(List.of(), List.of());
    }
    List<Connection> conns = connections.stream().filter(focus::keeps).toList();
    List<Peer> peers = workloads.stream().filter(focus::lists).toList();
    return new ConnectivityReport(conns, peers);
  }

  /**
   * Only the connections that allow {@code connection}, each reduced to just that connection (the
   * workloads stay): netpol-analyzer's {@code --focus-conn}.
   */
  public ConnectivityReport onConnection(FocusConnection connection) {
    List<Connection> conns =
        connections.stream()
            .filter(c -> connection.isIn(c.conns()))
            .map(c -> new Connection(c.src(), c.dst(), connection.conns()))
            .toList();
    return new ConnectivityReport(conns, workloads);
  }

  /** Whether {@code p} is a workload (or the ingress controller) that {@code names} names. */
  public static boolean named(Peer p, List<String> names) {
    return ConnectivityFocus.named(p, names);
  }
}
