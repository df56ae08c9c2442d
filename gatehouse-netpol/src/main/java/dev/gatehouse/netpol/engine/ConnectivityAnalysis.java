package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.ir.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Lists every allowed connection between workloads, and between workloads and address ranges.
 *
 * <p>A connection needs egress allowed at the source and ingress allowed at the destination. The
 * enumeration walks, per source, only destinations that can be non-empty: those its egress lists
 * explicitly, those whose ingress lists the source explicitly (an inverted index), and those whose
 * ingress fallback is open. Address ranges are never subjects: their side allows everything.
 */
public final class ConnectivityAnalysis {
  private final CompiledNetwork net;
  private final int n;
  private final List<IpRange> srcIps;
  private final List<IpRange> dstIps;
  private int[][] ingressPeersOf = new int[0][];
  private ConnectionSet[][] ingressConnsOf = new ConnectionSet[0][];
  private int[] openIngress = new int[0];

  private ConnectivityAnalysis(CompiledNetwork net) {
    this.net = net;
    this.n = net.identities().size();
    this.srcIps = net.ipPeers(Direction.INGRESS);
    this.dstIps = net.ipPeers(Direction.EGRESS);
  }

  /** Runs the analysis. */
  public static ConnectivityReport run(CompiledNetwork net) {
    return new ConnectivityAnalysis(net).run();
  }

  /** Identity-level results: {@code src}, {@code dst} peer indexes and connections. */
  record Edge(int src, int dst, ConnectionSet conns) {}

  private ConnectivityReport run() {
    net.computeAll();
    invertIngress();
    List<List<Edge>> perSource =
        IntStream.range(0, n + srcIps.size()).parallel().mapToObj(this::edgesFrom).toList();
    List<Connection> out = new ArrayList<>();
    for (List<Edge> edges : perSource) {
      for (Edge e : edges) {
        expand(e, out);
      }
    }
    out.sort(null);
    List<Peer> workloads = new ArrayList<>();
    for (Identity i : net.identities().identities()) {
      i.members().forEach(w -> workloads.add(new Peer.WorkloadPeer(w)));
    }
    workloads.sort(null);
    return new ConnectivityReport(List.copyOf(out), List.copyOf(workloads));
  }

  /** For each source peer, the destinations whose ingress lists it explicitly. */
  private void invertIngress() {
    int sources = n + srcIps.size();
    int[] counts = new int[sources];
    List<Integer> open = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      DirectionalResult r = net.result(Direction.INGRESS, d);
      for (int p : r.peers()) {
        counts[p]++;
      }
      if (!r.fallback().isEmpty()) {
        open.add(d);
      }
    }
    ingressPeersOf = new int[sources][];
    ingressConnsOf = new ConnectionSet[sources][];
    for (int s = 0; s < sources; s++) {
      ingressPeersOf[s] = new int[counts[s]];
      ingressConnsOf[s] = new ConnectionSet[counts[s]];
    }
    int[] fill = new int[sources];
    for (int d = 0; d < n; d++) {
      DirectionalResult r = net.result(Direction.INGRESS, d);
      for (int k = 0; k < r.peers().length; k++) {
        int s = r.peers()[k];
        ingressPeersOf[s][fill[s]] = d;
        ingressConnsOf[s][fill[s]++] = r.conns()[k];
      }
    }
    openIngress = open.stream().mapToInt(Integer::intValue).toArray();
  }

  private List<Edge> edgesFrom(int src) {
    List<Edge> out = new ArrayList<>();
    boolean[] seen = new boolean[n + dstIps.size()];
    DirectionalResult egress =
        src < n ? net.result(Direction.EGRESS, src) : DirectionalResult.ALLOW_ALL;
    for (int k = 0; k < egress.peers().length; k++) {
      int d = egress.peers()[k];
      seen[d] = true;
      add(out, src, d, egress.conns()[k]);
    }
    ConnectionSet fallback = egress.fallback();
    if (fallback.isEmpty()) {
      return out;
    }
    int[] listed = ingressPeersOf[src];
    for (int k = 0; k < listed.length; k++) {
      int d = listed[k];
      if (!seen[d]) {
        seen[d] = true;
        out.add(new Edge(src, d, fallback.intersect(ingressConnsOf[src][k])));
      }
    }
    for (int d : openIngress) {
      if (!seen[d]) {
        out.add(new Edge(src, d, fallback.intersect(net.result(Direction.INGRESS, d).fallback())));
      }
    }
    if (src < n) {
      for (int i = 0; i < dstIps.size(); i++) {
        if (!seen[n + i]) {
          out.add(new Edge(src, n + i, fallback));
        }
      }
    }
    return out;
  }

  private void add(List<Edge> out, int src, int d, ConnectionSet egress) {
    if (egress.isEmpty()) {
      return;
    }
    ConnectionSet c = d < n ? egress.intersect(net.result(Direction.INGRESS, d).get(src)) : egress;
    out.add(new Edge(src, d, c));
  }

  private void expand(Edge e, List<Connection> out) {
    if (e.conns().isEmpty()) {
      return;
    }
    List<Peer> srcs = peers(e.src(), srcIps);
    List<Peer> dsts = peers(e.dst(), dstIps);
    for (Peer s : srcs) {
      for (Peer d : dsts) {
        if (!s.equals(d)) {
          out.add(new Connection(s, d, e.conns()));
        }
      }
    }
  }

  private List<Peer> peers(int index, List<IpRange> ips) {
    if (index < n) {
      List<Workload> members = net.identities().get(index).members();
      return members.stream().<Peer>map(Peer.WorkloadPeer::new).toList();
    }
    IpRange r = ips.get(index - n);
    if (r.v6() && !net.showIpv6()) {
      return List.of();
    }
    return List.of(new Peer.IpPeer(r));
  }
}
