package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.algebra.IpSet;
import dev.gatehouse.netpol.ir.CompiledPolicies;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.ir.Isolation;
import dev.gatehouse.netpol.ir.PeerMatch;
import dev.gatehouse.netpol.ir.PolicyRule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds a {@link CompiledNetwork} from a cluster snapshot and compiled policies. */
public final class NetworkEngine {
  private static final Comparator<PolicyRule> PRECEDENCE =
      Comparator.comparing(PolicyRule::tier)
          .thenComparingInt(PolicyRule::priority)
          .thenComparing(r -> r.origin().policy())
          .thenComparing(r -> r.direction())
          .thenComparingInt(PolicyRule::order);

  private NetworkEngine() {}

  /** Compiles {@code policies} against the workloads of {@code snapshot} (default profile). */
  public static CompiledNetwork compile(
      ClusterSnapshot snapshot, CompiledPolicies policies, Diagnostics diagnostics) {
    return compile(snapshot, policies, diagnostics, EngineOptions.DEFAULT);
  }

  /** Compiles {@code policies} against the workloads of {@code snapshot} with {@code options}. */
  public static CompiledNetwork compile(
      ClusterSnapshot snapshot,
      CompiledPolicies policies,
      Diagnostics diagnostics,
      EngineOptions options) {
    List<IngressTarget> ingress = IngressRouting.targets(snapshot, diagnostics);
    PodAddresses pods = PodAddresses.of(options, snapshot, policies, diagnostics);
    IdentityTable ids =
        IdentityTable.of(
            snapshot,
            ingress.isEmpty() ? List.of() : List.of(IngressAnalysis.CONTROLLER),
            pods::key);
    List<PolicyRule> sorted = new ArrayList<>(policies.rules());
    sorted.sort(PRECEDENCE);
    EnumArray<List<IpRange>> ipPeers = new EnumArray<>(d -> ipPartition(sorted, d));
    boolean v6 =
        sorted.stream()
            .flatMap(r -> r.peers().stream())
            .anyMatch(
                p ->
                    p instanceof PeerMatch.Addresses a
                        && a.addresses().ranges().stream().anyMatch(IpRange::v6));
    EnumArray<PeerSpace> spaces =
        new EnumArray<>(d -> PeerSpace.of(ids.size(), ipPeers.get(d), sorted, d));
    PeerMatcher matcher = new PeerMatcher(ids, pods);
    List<IndexedRule> indexed = new ArrayList<>();
    for (PolicyRule r : sorted) {
      indexed.add(index(indexed.size(), r, ids, spaces.get(r.direction()), matcher));
    }
    EnumArray<List<Isolation>> isolations =
        new EnumArray<>(
            d -> policies.isolations().stream().filter(i -> i.direction() == d).toList());
    EnumArray<BitSet> isolated =
        new EnumArray<>(
            d -> {
              BitSet b = new BitSet(ids.size());
              isolations.get(d).forEach(i -> b.or(ids.select(i.subject())));
              return b;
            });
    checkLabelGaps(snapshot, policies, diagnostics);
    CompiledNetwork net =
        new CompiledNetwork(
            ids, List.copyOf(indexed), ipPeers, isolated, isolations, v6, ingress, spaces);
    IngressAnalysis.warnBlocked(net, diagnostics);
    return net;
  }

  private static IndexedRule index(
      int index, PolicyRule r, IdentityTable ids, PeerSpace space, PeerMatcher matcher) {
    BitSet subjects = ids.select(r.subject());
    BitSet peers = matcher.peers(r, space);
    boolean all = peers.cardinality() == space.size();
    ConnectionSet fixed =
        IndexedRule.hasNamedPorts(r.ports()) ? null : IndexedRule.resolve(r.ports(), null);
    return new IndexedRule(index, r, subjects, peers, all, fixed);
  }

  /** The address ranges that the rules of direction {@code d} tell apart (IPv4, then IPv6). */
  private static List<IpRange> ipPartition(List<PolicyRule> rules, Direction d) {
    List<IpSet> sets = new ArrayList<>();
    for (PolicyRule r : rules) {
      if (r.direction() != d) {
        continue;
      }
      for (PeerMatch p : r.peers()) {
        if (p instanceof PeerMatch.Addresses a) {
          sets.add(a.addresses());
        }
      }
    }
    List<IpRange> out = new ArrayList<>(IpSet.partition(IpRange.ALL_V4, sets));
    out.addAll(IpSet.partition(IpRange.ALL_V6, sets));
    return List.copyOf(out);
  }

  /**
   * Reports workloads whose pods carry different labels where a policy selector looks at a key that
   * differs: one workload cannot be analysed as one peer then (netpol-analyzer refuses such input
   * too). The first pod's labels are used.
   */
  private static void checkLabelGaps(
      ClusterSnapshot snapshot, CompiledPolicies policies, Diagnostics diagnostics) {
    if (snapshot.workloads().stream().allMatch(w -> w.podLabelSets().size() < 2)) {
      return;
    }
    Set<String> keys = new TreeSet<>();
    for (PolicyRule r : policies.rules()) {
      keys.addAll(r.subject().pods().keys());
      for (PeerMatch p : r.peers()) {
        if (p instanceof PeerMatch.Pods pods) {
          keys.addAll(pods.selector().pods().keys());
        }
      }
    }
    policies.isolations().forEach(i -> keys.addAll(i.subject().pods().keys()));
    for (Workload w : snapshot.workloads()) {
      if (w.podLabelSets().size() < 2) {
        continue;
      }
      for (String k : keys) {
        Set<String> values = new TreeSet<>();
        for (Map<String, String> labels : w.podLabelSets()) {
          values.add(String.valueOf(labels.get(k)));
        }
        if (values.size() > 1) {
          diagnostics.error(
              "pods-differ",
              w.location(),
              "pods of "
                  + w.key()
                  + " differ in label "
                  + k
                  + ", which a policy selects on; they cannot be analysed as one workload (the first pod's labels are used)");
          break;
        }
      }
    }
  }

  /** Selects identities (exposed for analyses that need a selector's matches). */
  public static BitSet select(CompiledNetwork net, EndpointSelector selector) {
    return net.identities().select(selector);
  }
}
