package dev.gatehouse.admission.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.azure.AzureFixtures;
import dev.gatehouse.admission.azure.AzurePolicySet;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditorTest {
  static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

  /** Audits YAML text (assignments, templates, constraints and resources) at the audit point. */
  static AuditReport audit(String yaml) {
    Diagnostics d = new Diagnostics();
    return audit(AzureFixtures.yaml(yaml, d), d);
  }

  static AuditReport audit(List<KubeObject> objects, Diagnostics d) {
    AzurePolicySet set = AzureFixtures.load(objects, d);
    PolicySnapshot s = AzureFixtures.snapshot(set, true, d);
    assertThat(AzureFixtures.errors(d)).isEmpty();
    return Auditor.audit(s, set.policies().others(), AuditOptions.defaults().at(NOW));
  }

  static ResourceCompliance resource(AuditReport r, String key) {
    return r.resources().stream()
        .filter(x -> x.resource().key().equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    key
                        + " not in "
                        + r.resources().stream().map(x -> x.resource().key()).toList()));
  }

  @Test
  void seed_baselineAudit_privilegedPodNonCompliant() {
    List<KubeObject> objects = new ArrayList<>();
    objects.addAll(
        AzureFixtures.examples(
            "baseline-audit.yaml", "nginx-privileged.yaml", "nginx-unprivileged.yaml"));
    AuditReport r = audit(objects, new Diagnostics());
    assertThat(r.policies())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.info().name()).isEqualTo("pod-security-baseline-audit");
              assertThat(p.info().kind()).isEqualTo("PolicyAssignment");
              assertThat(p.counts()).isEqualTo(new Counts(1, 1, 0));
              assertThat(p.counts().percent()).isEqualTo(50.0);
              assertThat(p.rules()).hasSize(5);
              assertThat(p.totalViolations()).isEqualTo(1);
            });
    ResourceCompliance bad = resource(r, "default/Pod/nginx-privileged");
    assertThat(bad.state()).isEqualTo(ComplianceState.NON_COMPLIANT);
    assertThat(bad.violated())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.definition())
                  .isEqualTo("Kubernetes cluster should not allow privileged containers");
              assertThat(v.findings())
                  .singleElement()
                  .satisfies(
                      f -> {
                        assertThat(f.message())
                            .isEqualTo(
                                "Privileged container is not allowed: nginx-privileged, securityContext: {\"privileged\": true}");
                        assertThat(f.containers()).containsExactly("nginx-privileged");
                        assertThat(f.generated()).isFalse();
                      });
            });
    assertThat(bad.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.state()).isEqualTo(ComplianceState.NON_COMPLIANT));
    assertThat(resource(r, "default/Pod/nginx-unprivileged").state())
        .isEqualTo(ComplianceState.COMPLIANT);
    assertThat(r.counts().percent()).isEqualTo(50.0);
  }

  private static final String PRIVILEGED_DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - {name: app, image: nginx, securityContext: {privileged: true}}
            - {name: sidecar, image: envoy}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: solo, namespace: shop}
      spec:
        containers: [{name: app, image: nginx, securityContext: {privileged: true}}]
      """;

  private static String noPrivilege(String source) {
    return """
        apiVersion: gatehouse.dev/v1alpha1
        kind: PolicyAssignment
        metadata: {name: no-privilege}
        spec:
          definition: ContainerNoPrivilege
          effect: Audit
          parameters: {source: %s}
        ---
        """
        .formatted(source);
  }

  @Test
  void workloads_sourceOriginal_podTemplatesNotReviewed() {
    AuditReport r = audit(noPrivilege("Original") + PRIVILEGED_DEPLOYMENT);
    assertThat(resource(r, "shop/Deployment/web").state())
        .isEqualTo(ComplianceState.NOT_APPLICABLE);
    assertThat(resource(r, "shop/Pod/solo").state()).isEqualTo(ComplianceState.NON_COMPLIANT);
  }

  @Test
  void workloads_sourceAll_podTemplateFindingsCountForTheWorkload() {
    AuditReport r = audit(noPrivilege("All") + PRIVILEGED_DEPLOYMENT);
    ResourceCompliance web = resource(r, "shop/Deployment/web");
    assertThat(web.state()).isEqualTo(ComplianceState.NON_COMPLIANT);
    Finding f = web.violated().get(0).findings().get(0);
    assertThat(f.generated()).isTrue();
    assertThat(f.containers()).containsExactly("app");
    assertThat(web.containers())
        .extracting(ContainerCompliance::name, ContainerCompliance::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("app", ComplianceState.NON_COMPLIANT),
            org.assertj.core.groups.Tuple.tuple("sidecar", ComplianceState.COMPLIANT));
    assertThat(r.policies().get(0).counts()).isEqualTo(new Counts(0, 2, 0));
  }

  @Test
  void workloads_sourceGenerated_onlyPodTemplates() {
    AuditReport r = audit(noPrivilege("Generated") + PRIVILEGED_DEPLOYMENT);
    assertThat(resource(r, "shop/Deployment/web").state()).isEqualTo(ComplianceState.NON_COMPLIANT);
    assertThat(resource(r, "shop/Pod/solo").state()).isEqualTo(ComplianceState.NOT_APPLICABLE);
  }

  @Test
  void containers_podLevelViolationsAreNotAttributed() {
    AuditReport r =
        audit(
            """
            apiVersion: gatehouse.dev/v1alpha1
            kind: PolicyAssignment
            metadata: {name: baseline}
            spec:
              initiative: PSPBaselineStandard
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: prod}
            spec:
              hostPID: true
              initContainers: [{name: init, image: busybox, securityContext: {privileged: true}}]
              containers:
              - {name: a, image: nginx, securityContext: {privileged: true}}
              - {name: b, image: nginx}
            """);
    ResourceCompliance p = resource(r, "prod/Pod/p");
    List<Finding> findings = p.violated().stream().flatMap(v -> v.findings().stream()).toList();
    assertThat(findings).hasSize(3);
    assertThat(findings)
        .filteredOn(f -> f.message().startsWith("Privileged"))
        .extracting(Finding::containers)
        .containsExactlyInAnyOrder(List.of("init"), List.of("a"));
    assertThat(findings)
        .filteredOn(f -> !f.message().startsWith("Privileged"))
        .singleElement()
        .satisfies(f -> assertThat(f.containers()).isEmpty());
    assertThat(p.containers())
        .extracting(ContainerCompliance::name, c -> c.violations().size())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 1),
            org.assertj.core.groups.Tuple.tuple("b", 0),
            org.assertj.core.groups.Tuple.tuple("init", 1));
  }

  @Test
  void namespaces_unsetMeansDefault_excludedNamespacesAreNotApplicable() {
    AuditReport r =
        audit(
            noPrivilege("Original")
                    .replace("parameters: {source: Original}", "excludedNamespaces: [default]")
                + """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: a, image: nginx, securityContext: {privileged: true}}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: q, namespace: prod}
                spec:
                  containers: [{name: a, image: nginx, securityContext: {privileged: true}}]
                """);
    assertThat(resource(r, "default/Pod/p").state()).isEqualTo(ComplianceState.NOT_APPLICABLE);
    assertThat(resource(r, "prod/Pod/q").state()).isEqualTo(ComplianceState.NON_COMPLIANT);
  }

  static final String LABEL_TEMPLATE =
      """
      apiVersion: templates.gatekeeper.sh/v1
      kind: ConstraintTemplate
      metadata: {name: needowner}
      spec:
        crd:
          spec:
            names: {kind: NeedOwner}
        targets:
        - target: admission.k8s.gatekeeper.sh
          code:
          - engine: K8sNativeValidation
            source:
              validations:
              - expression: 'has(object.metadata.labels) && "owner" in object.metadata.labels'
                message: 'missing label owner'
      ---
      """;

  @Test
  void plainConstraints_groupedByThemselves_errorsCounted() {
    AuditReport r =
        audit(
            LABEL_TEMPLATE
                + """
                apiVersion: constraints.gatekeeper.sh/v1beta1
                kind: NeedOwner
                metadata: {name: owner-on-labelled-namespaces}
                spec:
                  enforcementAction: warn
                  match:
                    kinds: [{apiGroups: [""], kinds: [ConfigMap]}]
                    namespaceSelector: {matchLabels: {team: x}}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: a, labels: {team: x}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ok, namespace: a, labels: {owner: me}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: bad, namespace: a}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: lost, namespace: unknown}
                """);
    assertThat(r.policies())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.info().name()).isEqualTo("owner-on-labelled-namespaces");
              assertThat(p.info().kind()).isEqualTo("NeedOwner");
              assertThat(p.counts()).isEqualTo(new Counts(1, 1, 1));
              assertThat(p.counts().percent()).isEqualTo(33.33);
            });
    assertThat(resource(r, "unknown/ConfigMap/lost").results().get(0).error())
        .contains("Namespace unknown is unknown");
    assertThat(resource(r, "Namespace/a").state()).isEqualTo(ComplianceState.NOT_APPLICABLE);
    assertThat(r.hasViolations()).isTrue();
  }

  @Test
  void counts_percent_azureFormula() {
    assertThat(Counts.ZERO.percent()).isEqualTo(100.0);
    assertThat(new Counts(2, 1, 1).percent()).isEqualTo(50.0);
    assertThat(new Counts(2, 1, 0).percent()).isEqualTo(66.67);
    assertThat(new Counts(0, 0, 3).percent()).isEqualTo(0.0);
  }

  @Test
  void matchSource_isValidatedAndHonouredByReview() {
    Diagnostics d = new Diagnostics();
    var set =
        dev.gatehouse.admission.PolicyLoader.load(
            AzureFixtures.yaml(
                LABEL_TEMPLATE
                    + """
                    apiVersion: constraints.gatekeeper.sh/v1beta1
                    kind: NeedOwner
                    metadata: {name: bad-source}
                    spec: {match: {source: Sometimes}}
                    ---
                    apiVersion: constraints.gatekeeper.sh/v1beta1
                    kind: NeedOwner
                    metadata: {name: generated-only}
                    spec: {match: {source: Generated}}
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: c, namespace: a}
                    """,
                d),
            d);
    assertThat(AzureFixtures.errors(d))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.location().toString()).isEqualTo("test.yaml:20");
              assertThat(x.message())
                  .contains("spec.match.source must be All, Original or Generated");
            });
    var snapshot =
        dev.gatehouse.admission.AdmissionEngine.builder()
            .driver(dev.gatehouse.admission.cel.CelDriver.create())
            .build()
            .compile(set, d);
    var req = dev.gatehouse.admission.AdmissionRequest.ofObject(set.others().get(0));
    var inventory = dev.gatehouse.admission.Inventory.empty();
    assertThat(snapshot.review(req, inventory).results()).isEmpty();
    assertThat(snapshot.review(req, inventory, true).results()).hasSize(1);
    assertThat(snapshot.match(req, inventory, false).matched()).isEmpty();
  }
}
