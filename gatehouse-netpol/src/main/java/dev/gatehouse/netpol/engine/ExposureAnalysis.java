package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.Tier;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Exposure analysis: for every workload, whether policies protect it in each direction, and what it
 * is exposed to beyond the existing workloads: the entire cluster, pods that policy selectors would
 * select (existing or not: {@link ExposureTarget.Representative}), and external address ranges.
 *
 * <p>Design note (netpol-analyzer {@code connlist.go getConnectionsBetweenPeers}, {@code
 * exposure_map.go}): a workload is <em>protected</em> in a direction when a NetworkPolicy isolates
 * it there or an admin policy with rules in that direction selects it; an unprotected workload is
 * exposed to the entire cluster with every connection. A protected workload is exposed to the
 * entire cluster with what its rules that select every namespace allow, through the tiers; and to
 * each representative peer with what its rules allow towards (or from) that peer, both ends
 * evaluated as for real pods, unless that equals its entire-cluster exposure or is empty while it
 * has none (an empty entry says that a rule excludes the peer from an entire-cluster exposure).
 * External ranges are the connectivity report's connections with them. Only the focus workloads
 * (and directions) are analysed; with a focus connection, the entries are reduced to it.
 */
public final class ExposureAnalysis {
  private final CompiledNetwork net;
  private final Optional<FocusConnection> connection;
  private final List<RepresentativePeers.Rep> reps;

  private ExposureAnalysis(CompiledNetwork net, Optional<FocusConnection> connection) {
    this.net = net;
    this.connection = connection;
    this.reps = RepresentativePeers.of(net);
  }

  /**
   * Whether exposure analysis applies with {@code focus}: netpol-analyzer ignores it when both
   * focus workloads and focus workload peers are given.
   */
  public static boolean supports(ConnectivityFocus focus) {
    return focus.workloads().isEmpty() || focus.peers().isEmpty();
  }

  /**
   * Runs connectivity and exposure analysis on {@code net}, focused on {@code focus} and, when
   * given, on one connection.
   *
   * @throws IllegalArgumentException when {@link #supports} rejects {@code focus}
   */
  public static ExposureReport run(
      CompiledNetwork net, ConnectivityFocus focus, Optional<FocusConnection> connection) {
    if (!supports(focus)) {
      throw new IllegalArgumentException("exposure analysis does not apply to focus peers");
    }
    ConnectivityReport all = ConnectivityAnalysis.run(net);
    ConnectivityReport connectivity = all.focus(focus);
    if (connection.isPresent()) {
      connectivity = connectivity.onConnection(connection.get());
    }
    if (!focus.isEmpty() && !focus.findsAnything(all.workloads(), all.connections())) {
      return new ExposureReport(connectivity, connection, List.of());
    }
    ExposureAnalysis a = new ExposureAnalysis(net, connection);
    Map<Peer, List<ExposureReport.Entry>> fromIps = new HashMap<>();
    Map<Peer, List<ExposureReport.Entry>> toIps = new HashMap<>();
    for (Connection c : connectivity.connections()) {
      if (c.src() instanceof Peer.IpPeer) {
        fromIps.computeIfAbsent(c.dst(), k -> new ArrayList<>()).add(external(c.src(), c));
      } else if (c.dst() instanceof Peer.IpPeer) {
        toIps.computeIfAbsent(c.src(), k -> new ArrayList<>()).add(external(c.dst(), c));
      }
    }
    List<ExposureReport.ExposedWorkload> out = new ArrayList<>();
    for (Identity i : net.identities().identities()) {
      ExposureReport.@Nullable Side ingress = null;
      ExposureReport.@Nullable Side egress = null;
      boolean computed = false;
      for (Workload w : i.members()) {
        Peer peer = new Peer.WorkloadPeer(w);
        if (!focus.isEmpty() && !ConnectivityFocus.named(peer, focus.workloads())) {
          continue;
        }
        if (!computed) {
          ingress = a.sideOrNull(i, Direction.INGRESS, focus);
          egress = a.sideOrNull(i, Direction.EGRESS, focus);
          computed = true;
        }
        if (ingress != null || egress != null) {
          out.add(
              new ExposureReport.ExposedWorkload(
                  peer,
                  withExternal(ingress, fromIps.getOrDefault(peer, List.of())),
                  withExternal(egress, toIps.getOrDefault(peer, List.of()))));
        }
      }
    }
    out.sort((x, y) -> x.workload().compareTo(y.workload()));
    return new ExposureReport(connectivity, connection, out);
  }

  private static ExposureReport.Entry external(Peer ip, Connection c) {
    return new ExposureReport.Entry(
        new ExposureTarget.External(ip), ExposureConnection.of(c.conns()));
  }

  /** {@code side} (protected and empty when null) with the workload's external entries added. */
  private static ExposureReport.Side withExternal(
      ExposureReport.@Nullable Side side, List<ExposureReport.Entry> external) {
    List<ExposureReport.Entry> entries = new ArrayList<>();
    if (side != null) {
      entries.addAll(side.entries());
    }
    entries.addAll(external);
    return new ExposureReport.Side(side == null || side.isProtected(), entries);
  }

  /**
   * The exposure of identity {@code i} in {@code d}, or null when it is protected and unexposed.
   */
  private ExposureReport.@Nullable Side sideOrNull(
      Identity i, Direction d, ConnectivityFocus focus) {
    if (!focus.isEmpty() && focus.direction().isPresent() && focus.direction().get() != d) {
      return null;
    }
    int id = i.id();
    if (!isProtected(d, id)) {
      return new ExposureReport.Side(
          false,
          List.of(
              new ExposureReport.Entry(
                  new ExposureTarget.EntireCluster(), ExposureConnection.ALL)));
    }
    List<ExposureReport.Entry> entries = new ArrayList<>();
    ExposureConnection cluster = entireCluster(d, i);
    ExposureConnection clusterFocused = focused(cluster).orElse(cluster);
    if (!cluster.isEmpty() && (connection.isEmpty() || focused(cluster).isPresent())) {
      entries.add(new ExposureReport.Entry(new ExposureTarget.EntireCluster(), clusterFocused));
    }
    for (RepresentativePeers.Rep rep : reps) {
      ExposureConnection c = withRepresentative(d, i, rep);
      if (connection.isPresent()) {
        Optional<ExposureConnection> f = focused(c);
        if (f.isEmpty()) {
          continue;
        }
        c = f.get();
      }
      boolean exposedToCluster = !cluster.isEmpty();
      if ((exposedToCluster && c.equals(clusterFocused)) || (!exposedToCluster && c.isEmpty())) {
        continue;
      }
      entries.add(new ExposureReport.Entry(rep.peer(), c));
    }
    return entries.isEmpty() ? null : new ExposureReport.Side(true, entries);
  }

  /** The focus connection when {@code c} allows it; {@code c} itself when there is no focus. */
  private Optional<ExposureConnection> focused(ExposureConnection c) {
    if (connection.isEmpty()) {
      return Optional.of(c);
    }
    FocusConnection f = connection.get();
    return f.isIn(c.ports()) ? Optional.of(ExposureConnection.of(f.conns())) : Optional.empty();
  }

  /** Whether some policy selects identity {@code id} in {@code d}. */
  private boolean isProtected(Direction d, int id) {
    return net.isIsolated(d, id) || !net.rulesOf(d, id).isEmpty();
  }

  /**
   * What the identity's rules that select every namespace allow, through the tiers, with names kept
   * (and for ingress then resolved on the identity's ports).
   */
  private ExposureConnection entireCluster(Direction d, Identity i) {
    List<IndexedRule> rules =
        net.rulesOf(d, i.id()).stream()
            .filter(
                r -> r.rule().peers().stream().anyMatch(RepresentativePeers::selectsEntireCluster))
            .toList();
    ExposureConnection c = ExposureTiers.evaluate(rules, net.isIsolated(d, i.id()), null);
    return d == Direction.INGRESS ? ExposureTiers.resolveNames(c, i) : c;
  }

  /**
   * The connections between identity {@code i} and {@code rep}: out of {@code i} (egress) or into
   * it (ingress), each end evaluated with the rules that apply to it.
   */
  private ExposureConnection withRepresentative(
      Direction d, Identity i, RepresentativePeers.Rep rep) {
    int id = i.id();
    List<IndexedRule> own =
        net.rulesOf(d, id).stream().filter(r -> rep.peerRules().get(r.index())).toList();
    List<IndexedRule> other =
        subjectRules(d == Direction.INGRESS ? Direction.EGRESS : Direction.INGRESS, rep, id);
    if (d == Direction.EGRESS) {
      ExposureConnection egress = ExposureTiers.evaluate(own, net.isIsolated(d, id), null);
      return egress.isEmpty()
          ? egress
          : egress.intersect(ExposureTiers.evaluate(other, false, null));
    }
    ExposureConnection egress = ExposureTiers.evaluate(other, false, i);
    return egress.isEmpty()
        ? egress
        : egress.intersect(ExposureTiers.evaluate(own, net.isIsolated(d, id), i));
  }

  /**
   * The admin rules of direction {@code d} whose subject is {@code rep} and whose peers hold {@code
   * id}.
   */
  private List<IndexedRule> subjectRules(Direction d, RepresentativePeers.Rep rep, int id) {
    BitSet subject = rep.subjectRules();
    List<IndexedRule> out = new ArrayList<>();
    for (int k = subject.nextSetBit(0); k >= 0; k = subject.nextSetBit(k + 1)) {
      IndexedRule r = net.rules().get(k);
      Tier t = r.rule().tier();
      if (r.rule().direction() == d
          && (t == Tier.ADMIN || t == Tier.BASELINE)
          && r.peers().get(id)) {
        out.add(r);
      }
    }
    return out;
  }
}
