package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.Connection;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.ConnectivityExplainer;
import dev.gatehouse.netpol.engine.ConnectivityExplanation;
import dev.gatehouse.netpol.engine.DirectionVerdict;
import dev.gatehouse.netpol.engine.Endpoint;
import dev.gatehouse.netpol.engine.ExplainedPart;
import dev.gatehouse.netpol.engine.ExplainedSide;
import dev.gatehouse.netpol.engine.Identity;
import dev.gatehouse.netpol.engine.PairExplanation;
import dev.gatehouse.netpol.engine.Peer;
import dev.gatehouse.netpol.engine.Reason;
import dev.gatehouse.netpol.engine.Verdict;
import dev.gatehouse.netpol.ir.RuleOrigin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The connectivity explanation agrees with the engine's other answers on every input here: each
 * pair's parts partition the whole connection space; its allowed parts make exactly the connections
 * {@link ConnectivityAnalysis} lists; and at sample ports of every part (both ends of each interval
 * and one inside), {@code CompiledNetwork.explain} (what {@code gatehouse explain} prints) gives
 * the same verdict overall and per side, names the same AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy rules, and names every other rule the explanation names. The one
 * exception is netpol-analyzer's quirk of a denied side without reasons (an admin rule matched the
 * pair and the isolating NetworkPolicies allow nothing of what the admin tier passed down): there
 * only the verdict is compared, as {@code explain} still names the pass rule and the isolation.
 */
class ExplanationConsistencyTest {
  private static final List<String> CONFORMANCE_DIRS =
      List.of(
          "anp_banp_blog_demo",
          "anp_banp_blog_demo_2",
          "anp_demo",
          "anp_test_10",
          "anp_banp_test_with_named_port_unmatched",
          "netpol-demo",
          "netpol_named_port_test",
          "ipblockstest",
          "onlineboutique",
          "acs-security-demos",
          "demo_app_with_routes_and_ingress",
          "one_ingress_multiple_ports",
          "exposure_test_with_anp_4_entire_cluster_example",
          "exposure_test_with_anp_6_entire_cluster_example");

  /** An admin Pass rule with ports before an isolation that allows nothing: the quirk above. */
  private static final String PASS_WITH_PORTS_THEN_ISOLATION =
      AdminNetworkPolicySemanticsTest.anp(
              "gate",
              10,
              """
              subject: {namespaces: {matchLabels: {house: lions}}}
              ingress:
              - name: pass-tcp-low
                action: Pass
                from: [{namespaces: {}}]
                ports: [{portRange: {protocol: TCP, start: 1, end: 40000}}]
              """)
          + """
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: deny-all, namespace: lions}
          spec: {podSelector: {}, policyTypes: [Ingress]}
          """;

  @TestFactory
  Stream<DynamicTest> explanation_inputs_agreeWithExplainAndConnectivity() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String example : List.of("shop", "retail")) {
      Path dir = Path.of("../examples").resolve(example);
      tests.add(DynamicTest.dynamicTest("examples/" + example, () -> check(load(dir))));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "pass with ports, then an isolation without allows",
            () ->
                check(
                    Pipeline.fromYaml(
                        AdminNetworkPolicySemanticsTest.CLUSTER
                            + "---\n"
                            + PASS_WITH_PORTS_THEN_ISOLATION))));
    Optional<Path> shared = SharedData.root();
    if (shared.isPresent()) {
      Path inputs = shared.get().resolve("conformance/netpol/inputs");
      for (String name : CONFORMANCE_DIRS) {
        Path dir = inputs.resolve(name);
        if (Files.isDirectory(dir)) {
          tests.add(DynamicTest.dynamicTest(name, () -> check(load(dir))));
        }
      }
    }
    return tests.stream();
  }

  @Provide
  Arbitrary<RandomCluster> clusters() {
    return RandomClusters.clusters();
  }

  @Property(tries = 60)
  void explanation_randomCluster_agreesWithExplainAndConnectivity(
      @ForAll("clusters") RandomCluster cluster) {
    Diagnostics d = new Diagnostics();
    check(Pipeline.compile(KubeLoader.parse(cluster.yaml(), "random.yaml", d), d));
  }

  private static CompiledNetwork load(Path dir) {
    return Pipeline.fromPaths(new Diagnostics(), dir.toString());
  }

  private static void check(CompiledNetwork net) {
    ConnectivityExplanation explanation = ConnectivityExplainer.run(net);
    Map<String, ConnectionSet> connectivity = new HashMap<>();
    for (Connection c : ConnectivityAnalysis.run(net).connections()) {
      connectivity.put(key(c.src(), c.dst()), c.conns());
    }
    Map<Peer, Endpoint> endpoints = endpoints(net);
    Set<String> explained = new TreeSet<>();
    int verdicts = 0;
    for (PairExplanation pair : explanation.pairs()) {
      String what = key(pair.src(), pair.dst());
      explained.add(what);
      checkPartition(pair, what);
      assertThat(pair.allowed())
          .as("allowed connections of %s", what)
          .isEqualTo(connectivity.getOrDefault(what, ConnectionSet.NONE));
      Endpoint src = endpoints.get(pair.src());
      Endpoint dst = endpoints.get(pair.dst());
      if (src == null || dst == null) {
        continue; // the ingress controller and DNS patterns are not endpoints of explain
      }
      for (ExplainedPart part : pair.parts()) {
        for (Protocol proto : Protocol.values()) {
          for (int port : samples(part.conns().ports(proto))) {
            Verdict v = net.explain(src, dst, Optional.of(proto), OptionalInt.of(port));
            String at = what + " " + proto + " " + port;
            assertThat(v.allowed()).as("verdict of %s", at).isEqualTo(part.allowed());
            checkSide(part.egress(), v.egress(), at);
            checkSide(part.ingress(), v.ingress(), at);
            verdicts++;
          }
        }
      }
    }
    assertThat(explained).as("every connection is explained").containsAll(connectivity.keySet());
  }

  private static void checkPartition(PairExplanation pair, String what) {
    ConnectionSet union = ConnectionSet.NONE;
    for (ExplainedPart part : pair.parts()) {
      assertThat(part.conns().isEmpty()).as("empty part of %s", what).isFalse();
      assertThat(union.intersect(part.conns()).isEmpty()).as("parts of %s overlap", what).isTrue();
      union = union.union(part.conns());
    }
    assertThat(union.isAll()).as("parts of %s cover every connection", what).isTrue();
  }

  private static void checkSide(ExplainedSide side, DirectionVerdict verdict, String at) {
    String what = side.direction().title() + " of " + at;
    assertThat(side.allowed()).as("%s: verdict", what).isEqualTo(verdict.allowed());
    if (side.reasons().isEmpty()) {
      assertThat(side.allowed()).as("%s: only a denial loses its reasons", what).isFalse();
      return;
    }
    assertThat(origins(side.reasons(), true))
        .as("%s: admin rules", what)
        .isEqualTo(origins(verdict.reasons(), true));
    assertThat(origins(verdict.reasons(), false))
        .as("%s: rules named by explain", what)
        .containsAll(origins(side.reasons(), false));
  }

  /** The rules named (admin tiers only, or all but Ingress/Route objects), as comparable text. */
  private static Set<String> origins(List<Reason> reasons, boolean adminOnly) {
    Set<String> out = new TreeSet<>();
    for (Reason r : reasons) {
      if (r.origin().isEmpty()) {
        continue;
      }
      RuleOrigin o = r.origin().get();
      boolean admin =
          o.kind().equals("AdminNetworkPolicy") || o.kind().equals("BaselineAdminNetworkPolicy");
      boolean exposure = o.kind().equals("Ingress") || o.kind().equals("Route");
      if ((adminOnly && admin) || (!adminOnly && !exposure)) {
        out.add(o.kind() + " " + o.policy() + " " + o.rule());
      }
    }
    return out;
  }

  /** Both ends and the middle of every interval. */
  private static List<Integer> samples(PortSet ports) {
    List<Integer> out = new ArrayList<>();
    for (int[] i : ports.intervals()) {
      out.add(i[0]);
      out.add(i[0] + (i[1] - i[0]) / 2);
      out.add(i[1]);
    }
    return out;
  }

  private static Map<Peer, Endpoint> endpoints(CompiledNetwork net) {
    Map<Peer, Endpoint> out = new HashMap<>();
    for (Identity i : net.identities().identities()) {
      for (Workload w : i.members()) {
        out.put(new Peer.WorkloadPeer(w), new Endpoint.OfWorkload(w, i.id()));
      }
    }
    for (dev.gatehouse.netpol.ir.Direction d : dev.gatehouse.netpol.ir.Direction.values()) {
      net.ipPeers(d).forEach(r -> out.put(new Peer.IpPeer(r), new Endpoint.OfAddress(r)));
    }
    for (dev.gatehouse.netpol.ir.ClusterEntity e : dev.gatehouse.netpol.ir.ClusterEntity.values()) {
      out.put(new Peer.EntityPeer(e), new Endpoint.OfEntity(e));
    }
    return out;
  }

  private static String key(Peer src, Peer dst) {
    return src.label() + " => " + dst.label();
  }
}
