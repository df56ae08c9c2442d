package dev.gatehouse.cli.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdmissionCommandTest {
  private static final String TEMPLATE =
      """
      apiVersion: templates.gatekeeper.sh/v1
      kind: ConstraintTemplate
      metadata: {name: k8srequiredlabels}
      spec:
        crd:
          spec:
            names: {kind: K8sRequiredLabels}
            validation:
              openAPIV3Schema:
                type: object
                properties:
                  labels: {type: array, items: {type: string}}
        targets:
        - target: admission.k8s.gatekeeper.sh
          code:
          - engine: K8sNativeValidation
            source:
              variables:
              - name: missing
                expression: 'variables.params.labels.filter(l, !has(variables.anyObject.metadata.labels) || !(l in variables.anyObject.metadata.labels))'
              validations:
              - expression: 'size(variables.missing) == 0'
                messageExpression: '"missing labels: " + variables.missing.join(", ")'
          - engine: Rego
            source:
              rego: |
                package k8srequiredlabels
                violation[{"msg": msg}] {
                  provided := {l | input.review.object.metadata.labels[l]}
                  missing := {l | l := input.parameters.labels[_]} - provided
                  count(missing) > 0
                  msg := sprintf("missing labels (rego): %v", [concat(", ", missing)])
                }
      """;

  private static final String CONSTRAINTS =
      """
      apiVersion: constraints.gatekeeper.sh/v1beta1
      kind: K8sRequiredLabels
      metadata: {name: need-owner}
      spec:
        match: {kinds: [{apiGroups: [""], kinds: [Pod]}], excludedNamespaces: [kube-*]}
        parameters: {labels: [owner]}
      ---
      apiVersion: constraints.gatekeeper.sh/v1beta1
      kind: K8sRequiredLabels
      metadata: {name: want-team}
      spec:
        enforcementAction: warn
        parameters: {labels: [team]}
      """;

  private static final String PODS =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: bad, namespace: prod}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: good, namespace: prod, labels: {owner: me, team: a}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: system, namespace: kube-system, labels: {team: a}}
      """;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writePolicies() throws IOException {
    Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
    Files.writeString(dir.resolve("constraints.yaml"), CONSTRAINTS);
  }

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void test_deniedObject_printsGatekeeperMessagesAndExitsOne() throws IOException {
    Files.writeString(dir.resolve("pods.yaml"), PODS);
    int code = run("admission", "test", "-f", dir.toString());
    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(out.toString())
        .contains("Pod prod/bad (")
        .contains("  [need-owner] missing labels: owner")
        .contains("  Warning: [want-team] missing labels: team")
        .doesNotContain("prod/good")
        .doesNotContain("kube-system/system")
        .contains("3 objects reviewed against 2 constraints: 1 denied, 1 deny, 1 warn, 0 dryrun");
  }

  @Test
  void test_onlyWarnings_exitsZero() throws IOException {
    Files.writeString(
        dir.resolve("pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: prod, labels: {owner: me}}\n");
    assertThat(run("admission", "test", "-f", dir.toString())).isZero();
    assertThat(out.toString()).contains("Warning: [want-team]");
  }

  @Test
  void test_jsonOutput_listsEveryObject() throws IOException {
    Files.writeString(dir.resolve("pods.yaml"), PODS);
    assertThat(run("admission", "test", "-f", dir.toString(), "-o", "json")).isEqualTo(1);
    JsonNode doc = new ObjectMapper().readTree(out.toString());
    assertThat(doc.path("reviews")).hasSize(3);
    JsonNode bad = doc.path("reviews").get(0);
    assertThat(bad.path("allowed").asBoolean()).isFalse();
    assertThat(bad.path("results").get(0).path("gatekeeperMessage").asText())
        .isEqualTo("[need-owner] missing labels: owner");
    assertThat(doc.path("summary").path("denied").asInt()).isEqualTo(1);
  }

  @Test
  void test_yamlOutput_isYaml() throws IOException {
    Files.writeString(dir.resolve("pods.yaml"), PODS);
    run("admission", "test", "-f", dir.toString(), "-o", "yaml");
    assertThat(out.toString()).contains("reviews:").contains("enforcementAction: warn");
  }

  @Test
  void test_deleteReview_reviewsOldObject() throws IOException {
    Files.writeString(
        dir.resolve("review.yaml"),
        """
        apiVersion: admission.k8s.io/v1
        kind: AdmissionReview
        request:
          uid: "1"
          operation: DELETE
          kind: {group: "", version: v1, kind: Pod}
          namespace: prod
          name: old
          oldObject: {apiVersion: v1, kind: Pod, metadata: {name: old, namespace: prod}}
        """);
    assertThat(run("admission", "test", "-f", dir.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("DELETE Pod prod/old").contains("[need-owner]");
  }

  @Test
  void test_engineRego_runsTheRegoSource() throws IOException {
    Files.writeString(dir.resolve("pods.yaml"), PODS);
    int code = run("admission", "test", "-f", dir.toString(), "--engine", "rego");
    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(out.toString())
        .contains("  [need-owner] missing labels (rego): owner")
        .contains("  Warning: [want-team] missing labels (rego): team")
        .contains("3 objects reviewed against 2 constraints: 1 denied, 1 deny, 1 warn, 0 dryrun");
  }

  @Test
  void verify_engineRego_passesWithRego() throws IOException {
    writeSuite(
        "- violations: 2\n- violations: 1\n  message: \"^missing labels \\\\(rego\\\\): team$\"\n");
    assertThat(run("admission", "verify", dir.toString(), "--engine", "rego"))
        .as(out + "" + err)
        .isZero();
  }

  @Test
  void test_badParameters_reportedWithLocation() throws IOException {
    Files.writeString(
        dir.resolve("constraints.yaml"), CONSTRAINTS.replace("labels: [owner]", "labels: owner"));
    run("admission", "test", "-f", dir.toString());
    assertThat(err.toString())
        .contains("constraints.yaml:")
        .contains("spec.parameters.labels must be an array");
    assertThat(run("admission", "test", "-f", dir.toString(), "--strict")).isEqualTo(3);
  }

  private void writeSuite(String assertions) throws IOException {
    Files.writeString(
        dir.resolve("pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: prod}\n");
    Files.writeString(
        dir.resolve("suite.yaml"),
        """
        kind: Suite
        apiVersion: test.gatekeeper.sh/v1alpha1
        metadata: {name: labels}
        tests:
        - name: owner
          template: template.yaml
          constraint: constraints.yaml
          cases:
          - name: missing
            object: pod.yaml
            assertions:
        """
            + assertions.indent(4));
  }

  @Test
  void verify_passingSuite_printsOkAndSummary() throws IOException {
    writeSuite(
        "- violations: yes\n- violations: 2\n- violations: 1\n  message: \"^missing labels: team$\"\n");
    assertThat(run("admission", "verify", dir + "/...")).as(out + "" + err).isZero();
    assertThat(out.toString())
        .contains("ok    labels/owner (1 case)")
        .endsWith("1 passed, 0 failed\n");
  }

  @Test
  void verify_failingAssertion_printsFailAndExitsOne() throws IOException {
    writeSuite("- violations: no\n");
    assertThat(run("admission", "verify", dir.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("FAIL  labels/owner")
        .contains("assertion 1 {violations: 0} failed: got 2 matching violations")
        .contains("[need-owner] missing labels: owner")
        .contains("0 passed, 1 failed");
  }

  @Test
  void verify_runFilter_selectsNothing() throws IOException {
    writeSuite("- violations: no\n");
    assertThat(run("admission", "verify", dir.toString(), "--run", "nomatch")).isEqualTo(3);
    assertThat(err.toString()).contains("no suites (or no matching tests)");
  }

  @Test
  void verify_badSuite_isLocatedError() throws IOException {
    writeSuite("- violations: maybe\n");
    assertThat(run("admission", "verify", dir.toString())).isEqualTo(3);
    assertThat(err.toString())
        .contains("suite.yaml:")
        .contains("violations must be yes, no or a non-negative integer");
  }
}
