package dev.gatehouse.admission.audit;

import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.Constraint;
import dev.gatehouse.admission.EnforcementAction;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.Result;
import dev.gatehouse.admission.ReviewResult;
import dev.gatehouse.kube.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Audits existing objects against a policy snapshot, as Gatekeeper's audit does, and computes
 * compliance as Azure Policy reports it.
 *
 * <p>Every object is reviewed as an original object; with {@link AuditOptions#expandWorkloads} a
 * workload's pod template is also reviewed as the generated pod it would create ({@link
 * PodTemplates}), against the constraints whose {@code match.source} admits generated objects, and
 * its findings count for the workload. A resource is <em>compliant</em> with a constraint that
 * selects it when no violation is found, <em>non-compliant</em> otherwise, in <em>error</em> when
 * it could not be evaluated; a policy's state for a resource is the worst of its constraints'.
 * Violations on pods are attributed to containers by {@link ContainerAttribution}.
 *
 * <p>The snapshot should be compiled for the audit enforcement point ({@code audit.gatekeeper.sh}),
 * where every action (deny, warn, dryrun) reports. Objects are placed as in a cluster ({@link
 * ClusterScope}: namespaced objects without a namespace are in {@code default}).
 */
public final class Auditor {
  private final PolicySnapshot snapshot;
  private final Inventory inventory;
  private final AuditOptions options;
  private final PolicyGroups groups;

  private Auditor(PolicySnapshot snapshot, Inventory inventory, AuditOptions options) {
    this.snapshot = snapshot;
    this.inventory = inventory;
    this.options = options;
    this.groups =
        new PolicyGroups(snapshot.constraints(), snapshot.enforcementPoint(), options.policies());
  }

  /**
   * Audits {@code objects}, which are also the inventory (referential policies, namespace lookups),
   * placed as in a cluster.
   */
  public static AuditReport audit(
      PolicySnapshot snapshot, List<KubeObject> objects, AuditOptions options) {
    List<KubeObject> placed = objects.stream().map(ClusterScope::placed).toList();
    return audit(snapshot, placed, Inventory.of(placed), options);
  }

  /**
   * Audits {@code objects} (AdmissionReviews among them are skipped: they are requests, not
   * objects) with {@code inventory} for referential policies and namespace lookups.
   */
  public static AuditReport audit(
      PolicySnapshot snapshot,
      List<KubeObject> objects,
      Inventory inventory,
      AuditOptions options) {
    Auditor a = new Auditor(snapshot, inventory, options);
    List<ResourceCompliance> resources = new ArrayList<>();
    for (KubeObject o : objects) {
      if (!AdmissionRequest.isReview(o)) {
        resources.add(a.resource(ClusterScope.placed(o)));
      }
    }
    return new AuditReport(options.timestamp(), a.groups.compliance(resources), resources);
  }

  private ResourceCompliance resource(KubeObject obj) {
    Map<String, RuleAccumulator> byConstraint = new TreeMap<>();
    List<ContainerCompliance> containers = new ArrayList<>();
    subject(obj, false, byConstraint, containers);
    if (options.expandWorkloads()) {
      PodTemplates.generate(obj).ifPresent(p -> subject(p, true, byConstraint, containers));
    }
    List<RuleResult> results = new ArrayList<>();
    byConstraint.values().forEach(acc -> results.add(acc.result()));
    results.sort(
        java.util.Comparator.comparing(RuleResult::policy).thenComparing(RuleResult::constraint));
    ComplianceState state = ComplianceState.NOT_APPLICABLE;
    for (RuleResult r : results) {
      state = state.worst(r.state());
    }
    return new ResourceCompliance(ref(obj), state, results, containers);
  }

  private void subject(
      KubeObject obj,
      boolean generated,
      Map<String, RuleAccumulator> byConstraint,
      List<ContainerCompliance> containers) {
    AdmissionRequest req = AdmissionRequest.ofObject(obj);
    PolicySnapshot.MatchedConstraints m = snapshot.match(req, inventory, generated);
    if (m.matched().isEmpty() && m.undecided().isEmpty()) {
      return;
    }
    for (Constraint c : m.matched()) {
      acc(byConstraint, c);
    }
    for (Constraint c : m.undecided()) {
      acc(byConstraint, c)
          .error(
              "the namespaceSelector cannot be evaluated: Namespace "
                  + req.namespace()
                  + " is unknown");
    }
    ReviewResult review = snapshot.review(req, inventory, generated);
    Map<String, List<String>> attributed = new LinkedHashMap<>();
    if (options.attributeContainers() && !review.results().isEmpty()) {
      ContainerAttribution attribution =
          ContainerAttribution.of(snapshot, inventory, obj, generated, review);
      attributed = attribution.byViolation();
      containers.addAll(attribution.containers(groups));
    }
    for (Result r : review.results()) {
      List<String> on = attributed.getOrDefault(ContainerAttribution.key(r), List.of());
      acc(byConstraint, r.constraint()).finding(new Finding(r.message(), generated, on));
    }
  }

  private RuleAccumulator acc(Map<String, RuleAccumulator> byConstraint, Constraint c) {
    return byConstraint.computeIfAbsent(c.name(), n -> new RuleAccumulator(c));
  }

  private static ResourceRef ref(KubeObject o) {
    return new ResourceRef(
        o.apiVersion(),
        o.kind(),
        o.namespace(),
        o.name(),
        o.body().path("metadata").path("uid").asText(""),
        o.location());
  }

  /** The strongest action a constraint takes at an enforcement point. */
  static EnforcementAction strongest(Constraint c, String enforcementPoint) {
    Optional<EnforcementAction> a = c.actionsAt(enforcementPoint).stream().min(Enum::compareTo);
    return a.orElse(EnforcementAction.DRYRUN);
  }

  /** Collects one constraint's results on one resource. */
  private final class RuleAccumulator {
    private final Constraint constraint;
    private final List<Finding> findings = new ArrayList<>();
    private String error = "";

    RuleAccumulator(Constraint constraint) {
      this.constraint = constraint;
    }

    void error(String why) {
      error = why;
    }

    void finding(Finding f) {
      if (!findings.contains(f)) {
        findings.add(f);
      }
    }

    RuleResult result() {
      ComplianceState state =
          !findings.isEmpty()
              ? ComplianceState.NON_COMPLIANT
              : error.isEmpty() ? ComplianceState.COMPLIANT : ComplianceState.ERROR;
      return new RuleResult(
          groups.policyOf(constraint),
          constraint.name(),
          constraint.kind(),
          groups.definitionOf(constraint),
          strongest(constraint, snapshot.enforcementPoint()),
          state,
          findings,
          state == ComplianceState.ERROR ? error : "");
    }
  }
}
