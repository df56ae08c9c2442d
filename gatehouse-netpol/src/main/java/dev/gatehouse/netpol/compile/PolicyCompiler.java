package dev.gatehouse.netpol.compile;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.netpol.ir.CompiledPolicies;
import dev.gatehouse.netpol.ir.Isolation;
import dev.gatehouse.netpol.ir.PolicyRule;
import dev.gatehouse.netpol.model.AdminNetworkPolicy;
import dev.gatehouse.netpol.model.AdminPolicies;
import dev.gatehouse.netpol.model.AdminPolicyParser;
import dev.gatehouse.netpol.model.BaselineAdminNetworkPolicy;
import dev.gatehouse.netpol.model.CiliumPolicyParser;
import dev.gatehouse.netpol.model.NetworkPolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the policy objects among a snapshot's objects, validates them and compiles them into one
 * {@link CompiledPolicies}. Objects of other kinds are reported as skipped, never dropped silently.
 */
public final class PolicyCompiler {
  /** Kinds Kubernetes users commonly keep beside their workloads, which analysis does not use. */
  private static final Set<String> KNOWN_UNUSED_KINDS =
      Set.of(
          "ConfigMap",
          "Secret",
          "ServiceAccount",
          "Role",
          "RoleBinding",
          "ClusterRole",
          "ClusterRoleBinding",
          "Node",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "StorageClass",
          "CustomResourceDefinition",
          "HorizontalPodAutoscaler",
          "PodDisruptionBudget",
          "Endpoints",
          "EndpointSlice",
          "LimitRange",
          "ResourceQuota",
          "ValidatingWebhookConfiguration",
          "MutatingWebhookConfiguration",
          "PriorityClass",
          "IngressClass",
          "PodSecurityPolicy",
          "Event",
          "APIService",
          "Certificate",
          "ServiceMonitor",
          "VerticalPodAutoscaler",
          "ConstraintTemplate",
          "PolicyAssignment");

  /** The API group of AdminNetworkPolicy and BaselineAdminNetworkPolicy. */
  private static final String ADMIN_GROUP = "policy.networking.k8s.io";

  private PolicyCompiler() {}

  /**
   * Compiles every policy among {@code snapshot.others()}. Objects are parsed and compiled in
   * parallel, each into its own part; the parts are then joined in input order, so rules,
   * isolations and diagnostics come out as a sequential pass would produce them.
   */
  public static CompiledPolicies compile(ClusterSnapshot snapshot, Diagnostics diagnostics) {
    List<Part> parts = snapshot.others().parallelStream().map(PolicyCompiler::part).toList();
    List<PolicyRule> rules = new ArrayList<>();
    List<Isolation> isolations = new ArrayList<>();
    List<AdminNetworkPolicy> admin = new ArrayList<>();
    List<BaselineAdminNetworkPolicy> baseline = new ArrayList<>();
    for (Part p : parts) {
      rules.addAll(p.rules);
      isolations.addAll(p.isolations);
      admin.addAll(p.admin);
      baseline.addAll(p.baseline);
      p.diagnostics.all().forEach(diagnostics::add);
    }
    AdminPolicyCompiler.compile(AdminPolicies.of(admin, baseline, diagnostics), rules);
    return new CompiledPolicies(rules, isolations);
  }

  /** What one object contributes. */
  private static final class Part {
    final List<PolicyRule> rules = new ArrayList<>();
    final List<Isolation> isolations = new ArrayList<>();
    final List<AdminNetworkPolicy> admin = new ArrayList<>(0);
    final List<BaselineAdminNetworkPolicy> baseline = new ArrayList<>(0);
    final Diagnostics diagnostics = new Diagnostics();
  }

  private static Part part(KubeObject o) {
    Part p = new Part();
    Diagnostics d = p.diagnostics;
    if (o.kind().equals("NetworkPolicy") && o.apiGroup().equals("networking.k8s.io")) {
      NetworkPolicyParser.parse(o, d)
          .ifPresent(np -> NetworkPolicyCompiler.compile(np, p.rules, p.isolations));
    } else if (CiliumPolicyParser.handles(o)) {
      CiliumPolicyParser.parse(o, d)
          .ifPresent(cp -> CiliumPolicyCompiler.compile(cp, p.rules, p.isolations));
    } else if (o.kind().equals("AdminNetworkPolicy") && o.apiGroup().equals(ADMIN_GROUP)) {
      AdminPolicyParser.parseAdmin(o, d).ifPresent(p.admin::add);
    } else if (o.kind().equals("BaselineAdminNetworkPolicy") && o.apiGroup().equals(ADMIN_GROUP)) {
      AdminPolicyParser.parseBaseline(o, d).ifPresent(p.baseline::add);
    } else {
      reportSkipped(o, d);
    }
    return p;
  }

  private static void reportSkipped(KubeObject o, Diagnostics diagnostics) {
    String what =
        o.kind() + " " + (o.namespace().isEmpty() ? o.name() : o.namespace() + "/" + o.name());
    if (KNOWN_UNUSED_KINDS.contains(o.kind()) || o.apiGroup().endsWith("gatekeeper.sh")) {
      diagnostics.info(
          "skipped-kind", o.location(), what + " skipped: not used by network analysis");
    } else {
      diagnostics.warning(
          "unknown-kind",
          o.location(),
          what + " (" + o.apiVersion() + ") skipped: not a kind network analysis knows");
    }
  }
}
