package dev.gatehouse.bench.netpol;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.Connection;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.engine.Peer;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.reference.ReferenceEvaluator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Times the reference evaluator on the inputs the engine just analysed, and checks that it found
 * the same connections.
 *
 * <p>Full: {@code ReferenceEvaluator.connectivity} over every pair. Sampled (for sizes where the
 * full quadratic run would take minutes): every address-source row, plus {@code sample} random
 * workload-source rows (each against every workload and destination range); the workload rows' time
 * is multiplied by {@code workloads / sample}. Both include parsing the policies.
 */
final class ReferenceTiming {
  private ReferenceTiming() {}

  /** What the reference took and whether it agreed. */
  record Result(String mode, double millis, boolean agrees, long pairs) {}

  /** Runs the reference over every pair. */
  static Result full(ClusterSnapshot snapshot, CompiledNetwork net, ConnectivityReport engine) {
    long t0 = System.nanoTime();
    ReferenceEvaluator ref = ReferenceEvaluator.of(snapshot, new Diagnostics());
    ConnectivityReport report = ref.connectivity(net);
    double ms = (System.nanoTime() - t0) / 1e6;
    long w = snapshot.workloads().size();
    long pairs =
        w * (w - 1)
            + w * (net.ipPeers(Direction.EGRESS).size() + net.ipPeers(Direction.INGRESS).size());
    return new Result("full", ms, report.connections().equals(engine.connections()), pairs);
  }

  /** Runs the reference over all address rows and {@code sample} workload rows. */
  static Result sampled(
      ClusterSnapshot snapshot, CompiledNetwork net, ConnectivityReport engine, int sample) {
    List<Workload> all = snapshot.workloads();
    List<Workload> rows = new ArrayList<>(all);
    java.util.Collections.shuffle(rows, new java.util.Random(1));
    rows = rows.subList(0, Math.min(sample, rows.size()));
    List<IpRange> destinations = net.ipPeers(Direction.EGRESS);
    List<Connection> found = new ArrayList<>();
    long t0 = System.nanoTime();
    ReferenceEvaluator ref = ReferenceEvaluator.of(snapshot, new Diagnostics());
    for (IpRange r : net.ipPeers(Direction.INGRESS)) {
      found.addAll(ref.connectionsFrom(new Peer.IpPeer(r), destinations));
    }
    long t2 = System.nanoTime();
    for (Workload w : rows) {
      found.addAll(ref.connectionsFrom(new Peer.WorkloadPeer(w), destinations));
    }
    long t3 = System.nanoTime();
    double scale = (double) all.size() / rows.size();
    double ms = ((t2 - t0) + (t3 - t2) * scale) / 1e6;
    Set<String> sources = new HashSet<>();
    rows.forEach(w -> sources.add(w.key()));
    net.ipPeers(Direction.INGRESS).forEach(r -> sources.add(new Peer.IpPeer(r).label()));
    List<Connection> expected =
        engine.connections().stream().filter(c -> sources.contains(c.src().label())).toList();
    found.sort(null);
    long pairs = (long) rows.size() * (all.size() - 1 + destinations.size());
    pairs += (long) net.ipPeers(Direction.INGRESS).size() * all.size();
    return new Result(
        "sampled " + rows.size() + " of " + all.size() + " source rows, x" + Math.round(scale),
        ms,
        found.equals(expected),
        pairs);
  }
}
