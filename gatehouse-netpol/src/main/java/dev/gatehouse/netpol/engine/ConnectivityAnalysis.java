package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.ir.ClusterEntity;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.l7.FqdnPattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

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
  private final PeerSpace srcSpace;
  private final PeerSpace dstSpace;
  private final boolean showIpv6;
  private int[][] ingressPeersOf = new int[0][];
  private ConnectionSet[][] ingressConnsOf = new ConnectionSet[0][];
  private int[] openIngress = new int[0];

  /** The peers of each peer index, created once so each label is built once per peer. */
  private final @Nullable List<Peer>[] srcPeers;

  private final @Nullable List<Peer>[] dstPeers;

  private ConnectivityAnalysis(CompiledNetwork net, boolean showIpv6) {
    this.net = net;
    this.showIpv6 = showIpv6;
    this.n = net.identities().size();
    this.srcSpace = net.space(Direction.INGRESS);
    this.dstSpace = net.space(Direction.EGRESS);
    this.srcPeers = peerCache(srcSpace.size());
    this.dstPeers = peerCache(dstSpace.size());
  }

  @SuppressWarnings("unchecked")
  private static List<Peer>[] peerCache(int size) {
    return (List<Peer>[]) new List<?>[size];
  }

  /** Runs the analysis. */
  public static ConnectivityReport run(CompiledNetwork net) {
    return run(net, net.showIpv6());
  }

  /**
   * Runs the analysis, listing IPv6 address ranges when {@code showIpv6} (by default they are
   * listed only when some rule names an IPv6 range; a diff of two networks needs the same choice on
   * both sides).
   */
  public static ConnectivityReport run(CompiledNetwork net, boolean showIpv6) {
    return new ConnectivityAnalysis(net, showIpv6).run();
  }

  /** Identity-level results: {@code src}, {@code dst} peer indexes and connections. */
  record Edge(int src, int dst, ConnectionSet conns) {}

  private ConnectivityReport run() {
    net.computeAll();
    invertIngress();
    List<List<Edge>> perSource =
        IntStream.range(0, srcSpace.size()).parallel().mapToObj(this::edgesFrom).toList();
    List<Connection> out = new ArrayList<>();
    for (List<Edge> edges : perSource) {
      for (Edge e : edges) {
        expand(e, out);
      }
    }
    out.addAll(IngressAnalysis.connections(net));
    out = sortByLabels(out);
    List<Peer> workloads = new ArrayList<>();
    for (Identity i : net.identities().identities()) {
      i.members().forEach(w -> workloads.add(new Peer.WorkloadPeer(w)));
    }
    workloads.sort(null);
    return new ConnectivityReport(List.copyOf(out), List.copyOf(workloads));
  }

  /** For each source peer, the destinations whose ingress lists it explicitly. */
  private void invertIngress() {
    int sources = srcSpace.size();
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
    DirectionalResult egress =
        src < n ? net.result(Direction.EGRESS, src) : DirectionalResult.ALLOW_ALL;
    for (int k = 0; k < egress.peers().length; k++) {
      add(out, src, egress.peers()[k], egress.conns()[k]);
    }
    ConnectionSet fallback = egress.fallback();
    if (fallback.isEmpty()) {
      return out;
    }
    boolean[] seen = new boolean[dstSpace.size()];
    for (int d : egress.peers()) {
      seen[d] = true;
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
      for (int d = n; d < dstSpace.size(); d++) {
        if (!seen[d]) {
          out.add(new Edge(src, d, fallback));
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
    List<Peer> srcs = peers(e.src(), srcSpace);
    List<Peer> dsts = peers(e.dst(), dstSpace);
    if (srcs.isEmpty() || dsts.isEmpty()) {
      return;
    }
    List<L7Constraint> l7 =
        L7Side.combine(
            e.conns(),
            e.src() < n ? L7Side.atIndex(net, Direction.EGRESS, e.src(), e.dst()) : List.of(),
            e.dst() < n ? L7Side.atIndex(net, Direction.INGRESS, e.dst(), e.src()) : List.of());
    for (Peer s : srcs) {
      for (Peer d : dsts) {
        if (!s.equals(d)) {
          out.add(new Connection(s, d, e.conns(), l7));
        }
      }
    }
  }

  private List<Peer> peers(int index, PeerSpace space) {
    List<Peer>[] cache = space == srcSpace ? srcPeers : dstPeers;
    List<Peer> cached = cache[index];
    if (cached == null) {
      cached = newPeers(index, space);
      cache[index] = cached;
    }
    return cached;
  }

  private List<Peer> newPeers(int index, PeerSpace space) {
    return peersAt(net, index, space, showIpv6);
  }

  /**
   * The peers printed for index {@code index} of {@code space}: the member workloads of an
   * identity, or one address range, cluster entity or DNS pattern (none when output does not list
   * it; IPv6 ranges only when {@code showIpv6}).
   */
  static List<Peer> peersAt(CompiledNetwork net, int index, PeerSpace space, boolean showIpv6) {
    int n = net.identities().size();
    if (index < n) {
      List<Workload> members = net.identities().get(index).members();
      return members.stream().<Peer>map(Peer.WorkloadPeer::new).toList();
    }
    IpRange r = space.ipAt(index);
    if (r != null) {
      return r.v6() && !showIpv6 ? List.of() : List.of(new Peer.IpPeer(r));
    }
    ClusterEntity entity = space.entityAt(index);
    if (entity != null) {
      return space.entitiesNamed() ? List.of(new Peer.EntityPeer(entity)) : List.of();
    }
    FqdnPattern fqdn = space.fqdnAt(index);
    return fqdn == null ? List.of() : List.of(new Peer.FqdnPeer(fqdn));
  }

  /**
   * Sorts by source label, then destination label, as {@link Connection#compareTo} does, without
   * comparing strings per comparison: every distinct peer gets the rank of its label once (equal
   * labels, equal ranks), and the stable sort compares rank pairs.
   */
  private static List<Connection> sortByLabels(List<Connection> conns) {
    Map<Peer, Integer> index = new IdentityHashMap<>();
    List<Peer> distinct = new ArrayList<>();
    int[] src = new int[conns.size()];
    int[] dst = new int[conns.size()];
    for (int i = 0; i < conns.size(); i++) {
      src[i] = index.computeIfAbsent(conns.get(i).src(), p -> add(distinct, p));
      dst[i] = index.computeIfAbsent(conns.get(i).dst(), p -> add(distinct, p));
    }
    String[] labels = new String[distinct.size()];
    Integer[] byLabel = new Integer[distinct.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = distinct.get(i).label();
      byLabel[i] = i;
    }
    Arrays.sort(byLabel, Comparator.comparing(i -> labels[i]));
    int[] rank = new int[labels.length];
    for (int k = 1; k < byLabel.length; k++) {
      boolean tie = labels[byLabel[k]].equals(labels[byLabel[k - 1]]);
      rank[byLabel[k]] = tie ? rank[byLabel[k - 1]] : k;
    }
    // Two stable counting sorts (by destination rank, then by source rank): linear, primitive.
    int[] order = new int[conns.size()];
    Arrays.setAll(order, i -> i);
    order = stableByRank(order, dst, rank);
    order = stableByRank(order, src, rank);
    List<Connection> out = new ArrayList<>(conns.size());
    for (int i : order) {
      out.add(conns.get(i));
    }
    return out;
  }

  /** {@code order} stably sorted by {@code rank[peer[i]]} of each position {@code i}. */
  private static int[] stableByRank(int[] order, int[] peer, int[] rank) {
    int[] start = new int[rank.length + 1];
    for (int i : order) {
      start[rank[peer[i]] + 1]++;
    }
    for (int r = 0; r < rank.length; r++) {
      start[r + 1] += start[r];
    }
    int[] out = new int[order.length];
    for (int i : order) {
      out[start[rank[peer[i]]]++] = i;
    }
    return out;
  }

  private static int add(List<Peer> distinct, Peer p) {
    distinct.add(p);
    return distinct.size() - 1;
  }
}
