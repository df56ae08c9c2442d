package dev.gatehouse.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.admission.ConstraintMatcher.Outcome;
import dev.gatehouse.kube.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstraintMatcherTest {
  private static final String TEMPLATE = Fixtures.celTemplate("K8sTest", "true");

  private static Match match(String matchYaml) {
    String yaml =
        TEMPLATE
            + "---\napiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sTest\n"
            + "metadata: {name: c}\nspec:\n  match:\n"
            + matchYaml.indent(4);
    return Fixtures.policies(yaml).constraints().get(0).match();
  }

  private static AdmissionRequest pod(String ns, String labels) {
    return Fixtures.request(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web-1, namespace: "
            + ns
            + ", labels: {"
            + labels
            + "}}\n");
  }

  private static Outcome run(Match m, AdmissionRequest r) {
    return ConstraintMatcher.matches(m, r, Inventory.empty());
  }

  @ParameterizedTest
  @CsvSource({
    "'[\"\"]', '[Pod]', MATCH",
    "'[\"*\"]', '[\"*\"]', MATCH",
    "'[apps]', '[Pod]', NO_MATCH",
    "'[\"\"]', '[Deployment]', NO_MATCH",
    "'[]', '[]', MATCH"
  })
  void kinds_groupsAndWildcards_selectPods(String groups, String kinds, Outcome expected) {
    Match m = match("kinds:\n- apiGroups: " + groups + "\n  kinds: " + kinds);
    assertThat(run(m, pod("prod", ""))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "prod-*, prod-eu, MATCH",
    "prod-*, dev-eu, NO_MATCH",
    "*-eu, prod-eu, MATCH",
    "*-eu, prod-us, NO_MATCH",
    "*od*, prod-us, MATCH",
    "*od*, dev, NO_MATCH",
    "prod, prod, MATCH",
    "prod, prod-eu, NO_MATCH",
    "*, anything, MATCH"
  })
  void namespaces_globs_matchGatekeeperWildcards(String glob, String ns, Outcome expected) {
    assertThat(run(match("namespaces: ['" + glob + "']"), pod(ns, ""))).isEqualTo(expected);
    Outcome inverse = expected == Outcome.MATCH ? Outcome.NO_MATCH : Outcome.MATCH;
    assertThat(run(match("excludedNamespaces: ['" + glob + "']"), pod(ns, ""))).isEqualTo(inverse);
  }

  @Test
  void namespaces_clusterScopedObject_alwaysPasses() {
    AdmissionRequest role =
        Fixtures.request(
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n");
    assertThat(run(match("namespaces: [prod]"), role)).isEqualTo(Outcome.MATCH);
    assertThat(run(match("excludedNamespaces: ['*']"), role)).isEqualTo(Outcome.MATCH);
  }

  @Test
  void namespaces_namespaceObject_usesItsName() {
    AdmissionRequest ns =
        Fixtures.request("apiVersion: v1\nkind: Namespace\nmetadata: {name: kube-system}\n");
    assertThat(run(match("excludedNamespaces: ['kube-*']"), ns)).isEqualTo(Outcome.NO_MATCH);
    assertThat(run(match("namespaces: ['kube-*']"), ns)).isEqualTo(Outcome.MATCH);
  }

  @Test
  void labelSelector_matchLabelsAndExpressions() {
    Match m =
        match(
            "labelSelector:\n  matchLabels: {app: web}\n  matchExpressions:\n"
                + "  - {key: tier, operator: NotIn, values: [db]}");
    assertThat(run(m, pod("p", "app: web"))).isEqualTo(Outcome.MATCH);
    assertThat(run(m, pod("p", "app: web, tier: db"))).isEqualTo(Outcome.NO_MATCH);
    assertThat(run(m, pod("p", "app: api"))).isEqualTo(Outcome.NO_MATCH);
  }

  @Test
  void namespaceSelector_usesNamespaceLabelsFromInventory() {
    Diagnostics d = new Diagnostics();
    Inventory inv =
        Inventory.of(
            Fixtures.objects(
                "apiVersion: v1\nkind: Namespace\nmetadata: {name: prod, labels: {env: prod}}\n---\n"
                    + "apiVersion: v1\nkind: Namespace\nmetadata: {name: dev, labels: {env: dev}}\n",
                d));
    Match m = match("namespaceSelector: {matchLabels: {env: prod}}");
    assertThat(ConstraintMatcher.matches(m, pod("prod", ""), inv)).isEqualTo(Outcome.MATCH);
    assertThat(ConstraintMatcher.matches(m, pod("dev", ""), inv)).isEqualTo(Outcome.NO_MATCH);
    assertThat(ConstraintMatcher.matches(m, pod("other", ""), inv))
        .isEqualTo(Outcome.UNKNOWN_NAMESPACE);
    Match byName = match("namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dev}}");
    assertThat(ConstraintMatcher.matches(byName, pod("dev", ""), inv)).isEqualTo(Outcome.MATCH);
  }

  @Test
  void namespaceSelector_namespaceObjectAndClusterScoped() {
    Match m = match("namespaceSelector: {matchLabels: {env: prod}}");
    AdmissionRequest ns =
        Fixtures.request(
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: x, labels: {env: prod}}\n");
    AdmissionRequest node = Fixtures.request("apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n");
    assertThat(run(m, ns)).isEqualTo(Outcome.MATCH);
    assertThat(run(m, node)).isEqualTo(Outcome.MATCH);
  }

  @Test
  void scope_clusterAndNamespaced() {
    AdmissionRequest node = Fixtures.request("apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n");
    AdmissionRequest ns =
        Fixtures.request("apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n");
    assertThat(run(match("scope: Cluster"), node)).isEqualTo(Outcome.MATCH);
    assertThat(run(match("scope: Cluster"), ns)).isEqualTo(Outcome.MATCH);
    assertThat(run(match("scope: Cluster"), pod("p", ""))).isEqualTo(Outcome.NO_MATCH);
    assertThat(run(match("scope: Namespaced"), pod("p", ""))).isEqualTo(Outcome.MATCH);
    assertThat(run(match("scope: Namespaced"), ns)).isEqualTo(Outcome.NO_MATCH);
    assertThat(run(match("scope: '*'"), node)).isEqualTo(Outcome.MATCH);
  }

  @Test
  void name_globAndGenerateName() {
    assertThat(run(match("name: web-*"), pod("p", ""))).isEqualTo(Outcome.MATCH);
    assertThat(run(match("name: api-*"), pod("p", ""))).isEqualTo(Outcome.NO_MATCH);
    assertThat(run(match("name: web-1"), pod("p", ""))).isEqualTo(Outcome.MATCH);
    AdmissionRequest generated =
        Fixtures.request(
            "apiVersion: v1\nkind: Pod\nmetadata: {generateName: job-, namespace: p}\n");
    assertThat(run(match("name: job-*"), generated)).isEqualTo(Outcome.MATCH);
    assertThat(run(match("name: job-x"), generated)).isEqualTo(Outcome.NO_MATCH);
  }

  @Test
  void update_matchesWhenOldObjectMatches() {
    AdmissionRequest update =
        Fixtures.request(
            """
            apiVersion: admission.k8s.io/v1
            kind: AdmissionReview
            request:
              operation: UPDATE
              kind: {group: "", version: v1, kind: Pod}
              namespace: p
              name: a
              object: {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: p, labels: {app: new}}}
              oldObject: {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: p, labels: {app: old}}}
            """);
    assertThat(run(match("labelSelector: {matchLabels: {app: old}}"), update))
        .isEqualTo(Outcome.MATCH);
    assertThat(run(match("labelSelector: {matchLabels: {app: none}}"), update))
        .isEqualTo(Outcome.NO_MATCH);
  }

  @Test
  void invalidMatch_isReportedWithLocation() {
    String yaml =
        TEMPLATE
            + "---\napiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sTest\n"
            + "metadata: {name: c}\nspec:\n  match:\n    namespaces: ['Prod/x']\n    scope: Everything\n";
    Diagnostics d = new Diagnostics();
    PolicySet set = PolicyLoader.load(Fixtures.objects(yaml, d), d);
    assertThat(set.constraints()).isEmpty();
    assertThat(d.all().stream().map(x -> x.render()).toList())
        .anySatisfy(m -> assertThat(m).contains("test.yaml:").contains("not a namespace glob"))
        .anySatisfy(m -> assertThat(m).contains("scope must be"));
    assertThat(List.of(Wildcard.matches("*", ""))).containsExactly(true);
  }
}
