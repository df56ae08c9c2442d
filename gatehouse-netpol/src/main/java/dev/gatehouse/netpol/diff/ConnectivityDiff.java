package dev.gatehouse.netpol.diff;

import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.engine.Identity;
import dev.gatehouse.netpol.engine.Peer;
import dev.gatehouse.netpol.ir.Direction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The connections that differ between two sets of manifests (the base and the new), as
 * netpol-analyzer's {@code diff} computes them, and a summary with the workloads newly isolated.
 *
 * <p>A source and destination pair is {@link DiffType#CHANGED} when both sides allow something but
 * not the same (L7 rules included), {@link DiffType#ADDED} or {@link DiffType#REMOVED} when only
 * one side allows anything, and {@link DiffType#UNCHANGED} otherwise. Address ranges are compared
 * on the common refinement of both sides' ranges ({@link ConnectionPairs}).
 *
 * @param entries the changed, added and removed entries in netpol-analyzer's order: changed, then
 *     added, then removed, each sorted by source and destination label, with the entries whose
 *     source is the ingress controller after all others (in the same three groups)
 * @param unchanged the pairs that both sides connect in the same way, sorted by source and
 *     destination label
 */
public record ConnectivityDiff(
    List<DiffEntry> entries, List<DiffEntry> unchanged, DiffSummary summary) {

  /** Copies the lists. */
  public ConnectivityDiff {
    entries = List.copyOf(entries);
    unchanged = List.copyOf(unchanged);
  }

  /**
   * Analyses both networks and compares them. IPv6 ranges are listed on both sides when either
   * side's rules name one (otherwise the side without IPv6 rules would seem to lose its IPv6
   * connections).
   */
  public static ConnectivityDiff of(CompiledNetwork base, CompiledNetwork next) {
    boolean ipv6 = base.showIpv6() || next.showIpv6();
    return of(
        ConnectivityAnalysis.run(base, ipv6), base, ConnectivityAnalysis.run(next, ipv6), next);
  }

  /**
   * Compares two connectivity reports already computed from {@code base} and {@code next} (the
   * networks tell which workloads exist and which are isolated on each side). Both reports should
   * list IPv6 ranges alike (see {@link ConnectivityAnalysis#run(CompiledNetwork, boolean)}).
   */
  public static ConnectivityDiff of(
      ConnectivityReport baseReport,
      CompiledNetwork base,
      ConnectivityReport nextReport,
      CompiledNetwork next) {
    Set<String> baseWorkloads = workloadKeys(base);
    Set<String> nextWorkloads = workloadKeys(next);
    List<DiffEntry> entries = new ArrayList<>();
    List<DiffEntry> unchanged = new ArrayList<>();
    int[] counts = new int[DiffType.values().length];
    for (ConnectionPairs.Pair p :
        ConnectionPairs.match(baseReport.connections(), nextReport.connections())) {
      DiffEntry e = classify(p, baseWorkloads, nextWorkloads);
      counts[e.type().ordinal()]++;
      (e.type() == DiffType.UNCHANGED ? unchanged : entries).add(e);
    }
    DiffSummary summary =
        new DiffSummary(
            counts[DiffType.ADDED.ordinal()],
            counts[DiffType.REMOVED.ordinal()],
            counts[DiffType.CHANGED.ordinal()],
            newlyIsolated(base, next, Direction.INGRESS, baseWorkloads),
            newlyIsolated(base, next, Direction.EGRESS, baseWorkloads));
    return new ConnectivityDiff(EntryOrder.sorted(entries), EntryOrder.sorted(unchanged), summary);
  }

  /** Whether no connection was added, removed or changed. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The entries of one type, in the order of {@link #entries()} (or of {@link #unchanged()}). */
  public List<DiffEntry> entries(DiffType type) {
    List<DiffEntry> from = type == DiffType.UNCHANGED ? unchanged : entries;
    return from.stream().filter(e -> e.type() == type).toList();
  }

  private static DiffEntry classify(
      ConnectionPairs.Pair p, Set<String> baseWorkloads, Set<String> nextWorkloads) {
    if (p.before().isEmpty()) {
      return new DiffEntry(
          DiffType.ADDED,
          p.src(),
          p.dst(),
          Allowed.NONE,
          p.after(),
          missing(p.src(), baseWorkloads),
          missing(p.dst(), baseWorkloads));
    }
    if (p.after().isEmpty()) {
      return new DiffEntry(
          DiffType.REMOVED,
          p.src(),
          p.dst(),
          p.before(),
          Allowed.NONE,
          missing(p.src(), nextWorkloads),
          missing(p.dst(), nextWorkloads));
    }
    DiffType type = p.before().equals(p.after()) ? DiffType.UNCHANGED : DiffType.CHANGED;
    return new DiffEntry(type, p.src(), p.dst(), p.before(), p.after(), false, false);
  }

  /** Whether {@code p} is a workload that {@code workloads} does not have. */
  private static boolean missing(Peer p, Set<String> workloads) {
    return p instanceof Peer.WorkloadPeer w && !workloads.contains(w.workload().key());
  }

  private static Set<String> workloadKeys(CompiledNetwork net) {
    Set<String> keys = new HashSet<>();
    for (Identity i : net.identities().identities()) {
      i.members().forEach(w -> keys.add(w.key()));
    }
    return keys;
  }

  /**
   * Workloads of both sides isolated in {@code direction} by {@code next} but not by {@code base}.
   */
  private static List<Peer> newlyIsolated(
      CompiledNetwork base, CompiledNetwork next, Direction direction, Set<String> baseWorkloads) {
    Set<String> before = new HashSet<>();
    base.isolatedWorkloads(direction).forEach(w -> before.add(w.key()));
    List<Peer> out = new ArrayList<>();
    for (Workload w : next.isolatedWorkloads(direction)) {
      if (baseWorkloads.contains(w.key()) && !before.contains(w.key())) {
        out.add(new Peer.WorkloadPeer(w));
      }
    }
    out.sort(null);
    return out;
  }
}
