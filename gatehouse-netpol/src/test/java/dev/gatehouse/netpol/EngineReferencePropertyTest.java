package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.ContainerPort;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.compile.PolicyCompiler;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.engine.Endpoint;
import dev.gatehouse.netpol.engine.NetworkEngine;
import dev.gatehouse.netpol.engine.Peer;
import dev.gatehouse.netpol.engine.Verdict;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.output.ConnectivityWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import dev.gatehouse.netpol.reference.ReferenceEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine agrees with {@link ReferenceEvaluator} on random clusters and NetworkPolicies:
 * connectivity line for line, {@code allowed} for every pair of endpoints, and {@code explain}'s
 * verdicts and per-side connections for random queries.
 */
class EngineReferencePropertyTest {

  @Provide
  Arbitrary<RandomCluster> clusters() {
    return RandomClusters.clusters();
  }

  @Provide
  Arbitrary<RandomCluster> largeClusters() {
    return RandomClusters.clusters(90, 25);
  }

  /**
   * One property with three checks, so each generated cluster is loaded and compiled once: the
   * connectivity lines, {@code allowed} for every pair of endpoints, and 40 random {@code explain}
   * queries (verdict, connections, and each side's connections and verdict).
   */
  @Property(tries = 200)
  void engine_randomCluster_agreesWithReference(
      @ForAll("clusters") RandomCluster cluster, @ForAll Random random) {
    Case c = Case.of(cluster);
    checkConnectivity(c);
    checkAllowed(c);
    checkExplain(c, random);
  }

  /**
   * The same on clusters of up to 90 workloads (more identities than one word of a bit set) and 25
   * policies, with fewer tries and no edge cases (the small property has those).
   */
  @Property(tries = 30, edgeCases = EdgeCasesMode.NONE)
  void engine_largeRandomCluster_agreesWithReference(
      @ForAll("largeClusters") RandomCluster cluster, @ForAll Random random) {
    Case c = Case.of(cluster);
    checkConnectivity(c);
    checkExplain(c, random);
  }

  private static void checkConnectivity(Case c) {
    List<String> engine = lines(ConnectivityAnalysis.run(c.net()));
    List<String> reference = lines(c.reference().connectivity(c.net()));
    assertThat(engine).as("connectivity").containsExactlyElementsOf(reference);
  }

  private static void checkAllowed(Case c) {
    List<Point> points = c.points();
    for (Point src : points) {
      for (Point dst : points) {
        if (src.isAddress() && dst.isAddress()) {
          continue;
        }
        assertThat(c.net().allowed(src.endpoint(), dst.endpoint()))
            .as("allowed(%s, %s)", src.peer().label(), dst.peer().label())
            .isEqualTo(c.reference().allowed(src.peer(), dst.peer()));
      }
    }
  }

  private static void checkExplain(Case c, Random random) {
    List<Point> points = c.points();
    List<Integer> ports = c.interestingPorts();
    for (int q = 0; q < 40; q++) {
      Point src = points.get(random.nextInt(points.size()));
      Point dst = points.get(random.nextInt(points.size()));
      if (src.isAddress() && dst.isAddress()) {
        continue;
      }
      int shape = random.nextInt(5);
      Optional<Protocol> proto =
          shape == 0
              ? Optional.empty()
              : Optional.of(Protocol.values()[random.nextInt(Protocol.values().length)]);
      OptionalInt port =
          shape >= 2
              ? OptionalInt.of(ports.get(random.nextInt(ports.size())))
              : OptionalInt.empty();
      Verdict v = c.net().explain(src.endpoint(), dst.endpoint(), proto, port);
      String what =
          "explain " + src.peer().label() + " => " + dst.peer().label() + " " + proto + " " + port;
      ConnectionSet expected = c.reference().allowed(src.peer(), dst.peer());
      ConnectionSet egress = c.side(src, dst, true);
      ConnectionSet ingress = c.side(dst, src, false);
      assertThat(v.conns()).as(what).isEqualTo(expected);
      assertThat(v.allowed()).as(what).isEqualTo(admits(expected, proto, port));
      assertThat(v.egress().conns()).as("egress of " + what).isEqualTo(egress);
      assertThat(v.ingress().conns()).as("ingress of " + what).isEqualTo(ingress);
      assertThat(v.egress().allowed())
          .as("egress verdict of " + what)
          .isEqualTo(admits(egress, proto, port));
      assertThat(v.ingress().allowed())
          .as("ingress verdict of " + what)
          .isEqualTo(admits(ingress, proto, port));
    }
  }

  private static boolean admits(ConnectionSet set, Optional<Protocol> proto, OptionalInt port) {
    if (proto.isEmpty()) {
      return !set.isEmpty();
    }
    if (port.isEmpty()) {
      return !set.intersect(ConnectionSet.allOf(proto.get())).isEmpty();
    }
    return set.contains(proto.get(), port.getAsInt());
  }

  private static List<String> lines(ConnectivityReport report) {
    String text = ConnectivityWriter.render(report, OutputFormat.TXT);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  /** An endpoint both ways: the engine's and the reference's. */
  record Point(Endpoint endpoint, Peer peer) {
    boolean isAddress() {
      return peer instanceof Peer.IpPeer;
    }
  }

  /** One random cluster through the real loader, the engine and the reference. */
  record Case(ClusterSnapshot snapshot, CompiledNetwork net, ReferenceEvaluator reference) {
    static Case of(RandomCluster cluster) {
      Diagnostics d = new Diagnostics();
      ClusterSnapshot snapshot =
          ClusterSnapshot.of(KubeLoader.parse(cluster.yaml(), "random.yaml", d), d);
      CompiledNetwork net = NetworkEngine.compile(snapshot, PolicyCompiler.compile(snapshot, d), d);
      ReferenceEvaluator reference = ReferenceEvaluator.of(snapshot, d);
      assertThat(d.hasErrors()).as("the generator writes valid input: %s", d.all()).isFalse();
      return new Case(snapshot, net, reference);
    }

    /**
     * Every workload, plus addresses: the first and last of each range of both address partitions
     * and a few fixed ones.
     */
    List<Point> points() {
      List<Point> out = new ArrayList<>();
      for (Workload w : snapshot.workloads()) {
        Endpoint e = net.resolve(w.namespace() + "/" + w.name()).orElseThrow();
        out.add(new Point(e, new Peer.WorkloadPeer(w)));
      }
      TreeSet<String> addresses = new TreeSet<>(List.of("8.8.8.8", "10.1.2.3", "2001:db8::1"));
      for (Direction d : Direction.values()) {
        for (IpRange r : net.ipPeers(d)) {
          addresses.add(r.format(r.first()));
          addresses.add(r.format(r.last()));
        }
      }
      for (String a : addresses) {
        IpRange one = IpRange.parseAddressRange(a).orElseThrow();
        out.add(new Point(net.resolve(a).orElseThrow(), new Peer.IpPeer(one)));
      }
      return out;
    }

    /** Ports worth asking about: the policies' favourites, their neighbours, the containers'. */
    List<Integer> interestingPorts() {
      TreeSet<Integer> out = new TreeSet<>(List.of(1, 52, 53, 80, 81, 443, 8080, 9000, 65535));
      for (Workload w : snapshot.workloads()) {
        w.ports().stream().map(ContainerPort::port).forEach(out::add);
      }
      return List.copyOf(out);
    }

    /** The reference's egress (at {@code subject} towards {@code peer}) or ingress side. */
    ConnectionSet side(Point subject, Point peer, boolean egress) {
      if (!(subject.peer() instanceof Peer.WorkloadPeer w)) {
        return ConnectionSet.ALL;
      }
      return reference.side(
          egress ? Direction.EGRESS : Direction.INGRESS, w.workload(), peer.peer());
    }
  }
}
