package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.ir.Direction;
import java.util.List;
import java.util.Optional;

/**
 * The part of a connectivity report a user asked to see, as netpol-analyzer's {@code
 * --focusworkload}, {@code --focusworkload-peer} and {@code --focus-direction} select it.
 *
 * <p>Design note (netpol-analyzer {@code connlist.go}, {@code includePairOfWorkloads}): a
 * connection is kept when one end is a focus workload and the other a focus peer (any peer when no
 * focus peer is given); with a direction, the focus workload must be the destination (ingress) or
 * the source (egress). Names are {@code name} or {@code ns/name}; the ingress controller is {@code
 * ingress-controller} in namespace {@code ingress-controller-ns}. Without focus workloads, focus
 * peers and direction are ignored.
 *
 * @param workloads the focus workloads (empty: no focus)
 * @param peers the focus workloads' peers (empty: any peer)
 * @param direction only connections into ({@code INGRESS}) or out of ({@code EGRESS}) the focus
 *     workloads
 */
public record ConnectivityFocus(
    List<String> workloads, List<String> peers, Optional<Direction> direction) {

  /** No focus: everything. */
  public static final ConnectivityFocus NONE =
      new ConnectivityFocus(List.of(), List.of(), Optional.empty());

  /** Copies the lists. */
  public ConnectivityFocus {
    workloads = List.copyOf(workloads);
    peers = List.copyOf(peers);
  }

  /** Focus on {@code workloads}, every peer, both directions. */
  public static ConnectivityFocus on(List<String> workloads) {
    return new ConnectivityFocus(workloads, List.of(), Optional.empty());
  }

  /** Whether this focus keeps everything. */
  public boolean isEmpty() {
    return workloads.isEmpty();
  }

  /** Whether the connection is in focus. */
  public boolean keeps(Connection c) {
    if (direction.isPresent()
        && !isFocus(direction.get() == Direction.INGRESS ? c.dst() : c.src())) {
      return false;
    }
    return (isFocus(c.src()) && isFocusPeer(c.dst())) || (isFocus(c.dst()) && isFocusPeer(c.src()));
  }

  /** Whether a workload belongs in the report's list of workloads (the nodes of a graph). */
  public boolean lists(Peer p) {
    return isFocus(p) || (!peers.isEmpty() && isFocusPeer(p));
  }

  /**
   * Whether the focus names something that exists among {@code workloads} (or the ingress
   * controller, when {@code connections} reach from it): when neither a focus workload nor, if
   * asked, a focus peer exists, netpol-analyzer reports nothing at all.
   */
  boolean findsAnything(List<Peer> workloads, List<Connection> connections) {
    return exists(this.workloads, workloads, connections)
        && (peers.isEmpty() || exists(peers, workloads, connections));
  }

  private boolean isFocus(Peer p) {
    return workloads.isEmpty() || named(p, workloads);
  }

  private boolean isFocusPeer(Peer p) {
    return workloads.isEmpty() || peers.isEmpty() || named(p, peers);
  }

  private static boolean exists(List<String> names, List<Peer> workloads, List<Connection> conns) {
    return workloads.stream().anyMatch(w -> named(w, names))
        || conns.stream().anyMatch(c -> named(c.src(), names));
  }

  /** Whether {@code p} is a workload (or the ingress controller) that {@code names} names. */
  static boolean named(Peer p, List<String> names) {
    String name;
    String namespace;
    switch (p) {
      case Peer.WorkloadPeer w -> {
        name = w.workload().name();
        namespace = w.workload().namespace();
      }
      case Peer.IngressControllerPeer i -> {
        name = IngressAnalysis.CONTROLLER.name();
        namespace = IngressAnalysis.CONTROLLER.namespace();
      }
      default -> {
        return false;
      }
    }
    String qualified = namespace + "/" + name;
    return names.stream().anyMatch(f -> f.equals(name) || f.equals(qualified));
  }
}
