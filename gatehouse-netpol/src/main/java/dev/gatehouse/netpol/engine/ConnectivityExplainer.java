package dev.gatehouse.netpol.engine;

import static dev.gatehouse.netpol.engine.ExplainRegions.append;
import static dev.gatehouse.netpol.engine.ExplainRegions.concat;
import static dev.gatehouse.netpol.engine.ExplainRegions.refine;
import static dev.gatehouse.netpol.engine.ExplainRegions.sorted;

import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.engine.ExplainRegions.Cell;
import dev.gatehouse.netpol.engine.ExplainRegions.Region;
import dev.gatehouse.netpol.ir.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Explains the connectivity of a whole cluster: for every pair of peers (workloads, the address
 * ranges the policies tell apart, and the ingress controller towards the workloads Ingress and
 * Route objects expose), every connection with the policies and rules that allow or deny it.
 *
 * <p>Pairs are those netpol-analyzer's {@code --explain} lists: every ordered pair of distinct
 * peers except address to address, including pairs with no allowed connection. Each side is
 * explained by {@link SideExplainer}; a pair's parts are the non-empty intersections of its egress
 * and ingress regions, allowed where both sides allow. For the ingress controller the ingress side
 * is further split by the Ingress/Route objects' ports, as netpol-analyzer intersects the policies'
 * answer with them: where both allow, both are named (without the system default); where one
 * denies, that one is.
 */
public final class ConnectivityExplainer {
  /** Allowed parts first, then by the printed connections, as netpol-analyzer lists them. */
  static final Comparator<ExplainedPart> PART_ORDER =
      Comparator.comparing((ExplainedPart p) -> !p.allowed())
          .thenComparing(ExplainedPart::portsText);

  private static final Comparator<PairExplanation> BY_LABELS =
      Comparator.comparing((PairExplanation p) -> p.src().label())
          .thenComparing(p -> p.dst().label());

  private final CompiledNetwork net;
  private final int n;
  private final PeerSpace srcSpace;
  private final PeerSpace dstSpace;
  private final ConnectivityFocus focus;

  private ConnectivityExplainer(CompiledNetwork net, ConnectivityFocus focus) {
    this.net = net;
    this.focus = focus;
    this.n = net.identities().size();
    this.srcSpace = net.space(Direction.INGRESS);
    this.dstSpace = net.space(Direction.EGRESS);
  }

  /** Explains every pair of peers of {@code net}, sorted by source then destination label. */
  public static ConnectivityExplanation run(CompiledNetwork net) {
    return new ConnectivityExplainer(net, ConnectivityFocus.NONE).run();
  }

  /**
   * Explains only the pairs in {@code focus}: the same as {@code run(net).focus(focus)}, without
   * the cost of the pairs it leaves out.
   */
  public static ConnectivityExplanation run(CompiledNetwork net, ConnectivityFocus focus) {
    ConnectivityExplainer explainer = new ConnectivityExplainer(net, focus);
    if (!focus.isEmpty() && !explainer.focusFindsAnything()) {
      return new ConnectivityExplanation(List.of());
    }
    return explainer.run();
  }

  /** Whether a focus workload (and, if named, a focus peer) exists, as connectivity decides it. */
  private boolean focusFindsAnything() {
    List<Peer> workloads = new ArrayList<>();
    for (Identity i : net.identities().identities()) {
      i.members().forEach(w -> workloads.add(new Peer.WorkloadPeer(w)));
    }
    List<Connection> fromController =
        net.ingressTargets().isEmpty()
            ? List.of()
            : List.of(
                new Connection(
                    new Peer.IngressControllerPeer(),
                    new Peer.WorkloadPeer(net.ingressTargets().getFirst().workload()),
                    ConnectionSet.NONE));
    return focus.findsAnything(workloads, fromController);
  }

  private boolean inFocus(Peer src, Peer dst) {
    return focus.isEmpty() || focus.keeps(new Connection(src, dst, ConnectionSet.NONE));
  }

  private ConnectivityExplanation run() {
    List<PairExplanation> out = new ArrayList<>();
    IntStream.range(0, srcSpace.size())
        .parallel()
        .mapToObj(this::pairsFrom)
        .toList()
        .forEach(out::addAll);
    out.addAll(controllerPairs());
    out.sort(BY_LABELS);
    return new ConnectivityExplanation(out);
  }

  private List<PairExplanation> pairsFrom(int s) {
    List<Peer> srcs = ConnectivityAnalysis.peersAt(net, s, srcSpace, net.showIpv6());
    List<PairExplanation> out = new ArrayList<>();
    if (srcs.isEmpty()) {
      return out;
    }
    for (int d = 0; d < dstSpace.size(); d++) {
      if (s >= n && d >= n) {
        continue;
      }
      for (Peer dp : ConnectivityAnalysis.peersAt(net, d, dstSpace, net.showIpv6())) {
        for (Peer sp : srcs) {
          if (!sp.equals(dp) && inFocus(sp, dp)) {
            out.add(explain(s, d, sp, dp));
          }
        }
      }
    }
    return out;
  }

  private PairExplanation explain(int s, int d, Peer src, Peer dst) {
    List<Region> egress =
        s < n
            ? SideExplainer.explain(net, Direction.EGRESS, s, d, src.label(), dst.label())
            : SideExplainer.systemDefault();
    List<Region> ingress =
        d < n
            ? SideExplainer.explain(net, Direction.INGRESS, d, s, dst.label(), src.label())
            : SideExplainer.systemDefault();
    return pair(src, dst, egress, ingress);
  }

  /** The pairs from the ingress controller to each workload an Ingress or Route exposes. */
  private List<PairExplanation> controllerPairs() {
    OptionalInt controller = net.identities().idOf(IngressAnalysis.CONTROLLER);
    if (controller.isEmpty() || net.ingressTargets().isEmpty()) {
      return List.of();
    }
    int c = controller.getAsInt();
    Map<String, Integer> identityOf = new HashMap<>();
    for (Identity i : net.identities().identities()) {
      for (Workload w : i.members()) {
        identityOf.put(w.key(), i.id());
      }
    }
    List<PairExplanation> out = new ArrayList<>();
    Peer src = new Peer.IngressControllerPeer();
    for (IngressTarget t : net.ingressTargets()) {
      Integer d = identityOf.get(t.workload().key());
      if (d == null) {
        continue;
      }
      Peer dst = new Peer.WorkloadPeer(t.workload());
      if (!inFocus(src, dst)) {
        continue;
      }
      List<Region> egress =
          SideExplainer.explain(net, Direction.EGRESS, c, d, src.label(), dst.label());
      List<Region> ingress =
          exposed(
              SideExplainer.explain(net, Direction.INGRESS, d, c, dst.label(), src.label()),
              t.exposures());
      out.add(pair(src, dst, egress, ingress));
    }
    return out;
  }

  /** Splits the policies' ingress regions by what the Ingress/Route objects expose. */
  private static List<Region> exposed(List<Region> regions, List<IngressExposure> exposures) {
    List<Reason> notExposed =
        sorted(exposures.stream().map(ExplanationReasons::doesNotExpose).toList());
    ExplainRegions.Builder out = new ExplainRegions.Builder();
    for (Region r : regions) {
      List<Cell<List<Reason>>> cells = List.of(new Cell<>(r.conns(), List.of()));
      for (IngressExposure e : exposures) {
        Reason why = ExplanationReasons.exposes(e);
        cells = refine(cells, ConnectionSet.of(Protocol.TCP, e.ports()), l -> append(l, why));
      }
      for (Cell<List<Reason>> c : cells) {
        boolean exposedHere = !c.label().isEmpty();
        if (exposedHere && r.allowed()) {
          out.add(c.conns(), true, concat(withoutDefault(r.reasons()), sorted(c.label())));
        } else if (exposedHere) {
          out.add(c.conns(), false, r.reasons());
        } else {
          out.add(c.conns(), false, r.allowed() ? notExposed : concat(r.reasons(), notExposed));
        }
      }
    }
    return out.regions();
  }

  private static List<Reason> withoutDefault(List<Reason> reasons) {
    return reasons.stream().filter(r -> !r.equals(ExplanationReasons.SYSTEM_DEFAULT)).toList();
  }

  /** The pair's parts: where egress and ingress regions meet, allowed parts first. */
  private static PairExplanation pair(
      Peer src, Peer dst, List<Region> egress, List<Region> ingress) {
    List<ExplainedPart> parts = new ArrayList<>();
    for (Region e : egress) {
      for (Region i : ingress) {
        ConnectionSet c = e.conns().intersect(i.conns());
        if (!c.isEmpty()) {
          parts.add(
              new ExplainedPart(
                  c,
                  e.allowed() && i.allowed(),
                  new ExplainedSide(Direction.EGRESS, e.allowed(), e.reasons()),
                  new ExplainedSide(Direction.INGRESS, i.allowed(), i.reasons())));
        }
      }
    }
    parts.sort(PART_ORDER);
    return new PairExplanation(src, dst, parts);
  }
}
