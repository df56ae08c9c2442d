package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.SourceLocation;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.compile.PolicyCompiler;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.EngineOptions;
import dev.gatehouse.netpol.engine.EngineProfile;
import dev.gatehouse.netpol.engine.Identity;
import dev.gatehouse.netpol.engine.IdentityTable;
import dev.gatehouse.netpol.engine.NetworkEngine;
import dev.gatehouse.netpol.engine.RuleInspector;
import dev.gatehouse.netpol.ir.CompiledPolicies;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.ir.RuleOrigin;
import dev.gatehouse.netpol.model.AdminNetworkPolicy;
import dev.gatehouse.netpol.model.AdminPolicyParser;
import dev.gatehouse.netpol.model.BaselineAdminNetworkPolicy;
import dev.gatehouse.netpol.model.CiliumPolicy;
import dev.gatehouse.netpol.model.CiliumPolicyParser;
import dev.gatehouse.netpol.model.NetworkPolicy;
import dev.gatehouse.netpol.model.NetworkPolicyParser;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything a lint rule reads: the objects, the cluster snapshot, the validated policy models
 * (with their JSON pointers), the compiled policies and network, and the engine profile.
 *
 * <p>The models are parsed a second time, into a scratch diagnostics collector, so that the
 * engine's own compile step reports every input problem exactly once. AdminNetworkPolicies are kept
 * as parsed, before the cross-policy checks drop duplicates, so that collisions can be linted.
 */
public final class LintInput {
  private static final String ADMIN_GROUP = "policy.networking.k8s.io";

  private final ClusterSnapshot snapshot;
  private final EngineProfile profile;
  private final CompiledPolicies policies;
  private final CompiledNetwork network;
  private final RuleInspector inspector;
  private final List<NetworkPolicy> networkPolicies = new ArrayList<>();
  private final List<CiliumPolicy> ciliumPolicies = new ArrayList<>();
  private final List<AdminNetworkPolicy> adminPolicies = new ArrayList<>();
  private final List<BaselineAdminNetworkPolicy> baselinePolicies = new ArrayList<>();
  private final Map<String, KubeObject> byOrigin = new HashMap<>();
  private final java.util.Set<String> populated = new java.util.HashSet<>();

  private LintInput(List<KubeObject> objects, EngineProfile profile, Diagnostics diagnostics) {
    this.profile = profile;
    this.snapshot = ClusterSnapshot.of(objects, diagnostics);
    this.policies = PolicyCompiler.compile(snapshot, diagnostics);
    this.network =
        NetworkEngine.compile(snapshot, policies, diagnostics, EngineOptions.of(profile));
    this.inspector = RuleInspector.of(network);
    snapshot.workloads().forEach(w -> populated.add(w.namespace()));
    parseModels();
  }

  /** Loads {@code objects} for linting under {@code profile}; input problems go to diagnostics. */
  public static LintInput of(
      List<KubeObject> objects, EngineProfile profile, Diagnostics diagnostics) {
    return new LintInput(objects, profile, diagnostics);
  }

  private void parseModels() {
    Diagnostics scratch = new Diagnostics();
    for (KubeObject o : snapshot.others()) {
      if (o.kind().equals("NetworkPolicy") && o.apiGroup().equals("networking.k8s.io")) {
        NetworkPolicyParser.parse(o, scratch).ifPresent(networkPolicies::add);
        byOrigin.put(key("NetworkPolicy", o.namespaceOrDefault() + "/" + o.name()), o);
      } else if (CiliumPolicyParser.handles(o)) {
        CiliumPolicyParser.parse(o, scratch)
            .ifPresent(
                p -> {
                  ciliumPolicies.add(p);
                  byOrigin.put(key(p.kind(), p.id()), o);
                });
      } else if (o.apiGroup().equals(ADMIN_GROUP) && o.kind().equals("AdminNetworkPolicy")) {
        AdminPolicyParser.parseAdmin(o, scratch).ifPresent(adminPolicies::add);
        byOrigin.putIfAbsent(key(o.kind(), o.name()), o);
      } else if (o.apiGroup().equals(ADMIN_GROUP)
          && o.kind().equals("BaselineAdminNetworkPolicy")) {
        AdminPolicyParser.parseBaseline(o, scratch).ifPresent(baselinePolicies::add);
        byOrigin.putIfAbsent(key(o.kind(), o.name()), o);
      }
    }
  }

  private static String key(String kind, String policy) {
    return kind + "\u0000" + policy;
  }

  /** The cluster snapshot (namespaces, workloads, and the policy objects among its others). */
  public ClusterSnapshot snapshot() {
    return snapshot;
  }

  /** The engine profile the input is linted under. */
  public EngineProfile profile() {
    return profile;
  }

  /** The compiled policies (rules and isolation markers). */
  public CompiledPolicies policies() {
    return policies;
  }

  /** The compiled network. */
  public CompiledNetwork network() {
    return network;
  }

  /** The engine's view of each compiled rule. */
  public RuleInspector inspector() {
    return inspector;
  }

  /** The identities of the cluster. */
  public IdentityTable identities() {
    return network.identities();
  }

  /** The valid NetworkPolicies, in input order. */
  public List<NetworkPolicy> networkPolicies() {
    return networkPolicies;
  }

  /** The valid Cilium policies, in input order. */
  public List<CiliumPolicy> ciliumPolicies() {
    return ciliumPolicies;
  }

  /** Every valid AdminNetworkPolicy, in input order, including those the engine rejects. */
  public List<AdminNetworkPolicy> adminPolicies() {
    return adminPolicies;
  }

  /** Every valid BaselineAdminNetworkPolicy, in input order. */
  public List<BaselineAdminNetworkPolicy> baselinePolicies() {
    return baselinePolicies;
  }

  /** The object a compiled rule comes from. */
  public KubeObject objectOf(RuleOrigin origin) {
    KubeObject o = byOrigin.get(key(origin.kind(), origin.policy()));
    if (o == null) {
      throw new IllegalStateException("no object for " + origin.policyLabel());
    }
    return o;
  }

  /** The identities {@code selector} matches (a copy). */
  public BitSet select(EndpointSelector selector) {
    return (BitSet) network.identities().select(selector).clone();
  }

  /** Whether the input has workloads in namespace {@code ns}. */
  public boolean hasWorkloads(String ns) {
    return populated.contains(ns);
  }

  /** Whether the input defines at least one Namespace object (so namespace labels are known). */
  public boolean namespacesDefined() {
    return snapshot.namespaces().values().stream().anyMatch(n -> n.defined());
  }

  /** The keys of the workloads of {@code ids}, sorted. */
  public List<String> workloadKeys(BitSet ids) {
    TreeSet<String> out = new TreeSet<>();
    for (int i = ids.nextSetBit(0); i >= 0; i = ids.nextSetBit(i + 1)) {
      Identity id = network.identities().get(i);
      id.members().forEach(w -> out.add(w.key()));
    }
    return List.copyOf(out);
  }

  /** At most five workload keys of {@code ids}, then how many more: for messages. */
  public String workloadList(BitSet ids) {
    return Text.list(workloadKeys(ids));
  }

  /** The location of the first workload of {@code ns} in the input. */
  public SourceLocation firstWorkloadLocation(String ns) {
    return snapshot.workloads().stream()
        .filter(w -> w.namespace().equals(ns))
        .map(Workload::location)
        .findFirst()
        .orElse(SourceLocation.ofFile("<input>"));
  }
}
