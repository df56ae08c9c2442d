package dev.gatehouse.netpol.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.compile.PolicyCompiler;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.synth.ClusterGenerator;
import dev.gatehouse.netpol.synth.GeneratedCluster;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The class-based evaluation of a subject (units, partition refinement, the most common connections
 * as fallback) gives every peer exactly what evaluating the tiers over the rules that match that
 * one peer gives. Generated clusters with AdminNetworkPolicies, the BANP and Cilium policies have
 * broad rules (namespace-wide and cluster-wide peers), narrow ones, egress named ports and every
 * tier, so both refinement levels and the per-port evaluation are exercised.
 */
class SubjectEvaluatorTest {

  @ParameterizedTest
  @CsvSource({
    "6, 400, 1, true, DEFAULT",
    "6, 400, 2, true, CILIUM",
    "5, 300, 3, true, AZURE_NPM",
    "4, 250, 4, false, DEFAULT"
  })
  void everyPeer_getsWhatItsOwnRulesGive(
      int namespaces, int workloads, long seed, boolean admin, EngineProfile profile) {
    GeneratedCluster c =
        ClusterGenerator.generate(new ClusterGenerator.Options(namespaces, workloads, seed, admin));
    Diagnostics d = new Diagnostics();
    ClusterSnapshot snapshot = c.snapshot(d);
    CompiledNetwork net =
        NetworkEngine.compile(
            snapshot, PolicyCompiler.compile(snapshot, d), d, EngineOptions.of(profile));
    int broad = 0;
    int compared = 0;
    for (Direction dir : Direction.values()) {
      PeerUnits units = net.units(dir);
      for (int s = 0; s < net.identities().size(); s++) {
        List<IndexedRule> rules = net.rulesOf(dir, s);
        broad +=
            (int) rules.stream().filter(r -> !r.allPeers() && units.unitsOf(r) != null).count();
        DirectionalResult result = net.result(dir, s);
        for (int p = 0; p < net.peerCount(dir); p++) {
          assertThat(result.get(p))
              .as("%s of %s with peer %d", dir, net.identities().get(s).members(), p)
              .isEqualTo(perPeer(net, dir, s, p, rules));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(workloads * workloads);
    if (admin) {
      assertThat(broad).as("subject rules applied by unit").isGreaterThan(workloads);
    }
  }

  /** The tiers over the subject's rules that match peer {@code p}, in precedence order. */
  private static ConnectionSet perPeer(
      CompiledNetwork net, Direction dir, int s, int p, List<IndexedRule> rules) {
    List<IndexedRule> matching = rules.stream().filter(r -> r.peers().get(p)).toList();
    Identity dst = dir == Direction.INGRESS ? net.identities().get(s) : net.identityAt(p);
    return TierEvaluator.evaluate(matching, net.isIsolated(dir, s), dst);
  }
}
