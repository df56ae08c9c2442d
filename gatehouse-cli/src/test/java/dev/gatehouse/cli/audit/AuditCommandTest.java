package dev.gatehouse.cli.audit;

import static dev.gatehouse.cli.policy.CliRun.example;
import static dev.gatehouse.cli.policy.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.policy.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
  private static String[] seed(String... extra) {
    String[] base = {
      "audit",
      "-f",
      example("baseline-audit.yaml"),
      "-f",
      example("nginx-privileged.yaml"),
      "-f",
      example("nginx-unprivileged.yaml")
    };
    String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void table_seedWalkthrough_privilegedPodNonCompliant() {
    CliRun r = run(seed());
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out)
        .containsPattern(
            "pod-security-baseline-audit +Audit +1 +1 +0 +50% +Kubernetes cluster pod security baseline standards for Linux-based workloads")
        .containsPattern(
            "default/Pod/nginx-privileged \\(.*nginx-privileged.yaml:1\\): non-compliant")
        .containsPattern(
            "  Dryrun: \\[azurepolicy-k8sazurev2noprivilege-[0-9a-f]{20}\\] Privileged container is not allowed: nginx-privileged, securityContext: \\{\"privileged\": true\\}")
        .contains(
            "    policy pod-security-baseline-audit: Kubernetes cluster should not allow privileged containers; container nginx-privileged")
        .doesNotContain("default/Pod/nginx-unprivileged (")
        .contains(
            "2 resources audited against 1 policy (5 constraints): 1 compliant, 1 non-compliant, 0 error, 0 not applicable; 50% compliant; 1 violation");
    assertThat(r.err).doesNotContain("warning:");
  }

  @Test
  void failOnViolation_exitsOne() {
    assertThat(run(seed("--fail-on-violation")).code).isEqualTo(1);
    CliRun clean =
        run(
            "audit",
            "-f",
            example("baseline-audit.yaml"),
            "-f",
            example("nginx-unprivileged.yaml"),
            "--fail-on-violation");
    assertThat(clean.code).as(clean.toString()).isZero();
  }

  @Test
  void json_perPolicyResourceAndContainer() throws Exception {
    CliRun r = run(seed("-o", "json"));
    JsonNode doc = new ObjectMapper().readTree(r.out);
    assertThat(doc.at("/summary/compliancePercent").asDouble()).isEqualTo(50.0);
    assertThat(doc.at("/policies/0/name").asText()).isEqualTo("pod-security-baseline-audit");
    assertThat(doc.at("/policies/0/displayName").asText())
        .isEqualTo("Kubernetes cluster pod security baseline standards for Linux-based workloads");
    JsonNode bad = doc.at("/resources/0");
    assertThat(bad.path("name").asText()).isEqualTo("nginx-privileged");
    assertThat(bad.at("/violations/0/enforcementAction").asText()).isEqualTo("dryrun");
    assertThat(bad.at("/containers/0/state").asText()).isEqualTo("non-compliant");
  }

  @Test
  void otherFormats_areWellFormed(@TempDir Path dir) throws Exception {
    JsonNode sarif = new ObjectMapper().readTree(run(seed("-o", "sarif")).out);
    assertThat(sarif.at("/runs/0/results/0/level").asText()).isEqualTo("warning");
    assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt())
        .isEqualTo(1);
    assertThat(run(seed("-o", "junit")).out)
        .startsWith("<?xml")
        .contains("tests=\"10\" failures=\"1\"");
    assertThat(run(seed("-o", "openreports")).out)
        .startsWith("---\napiVersion: openreports.io/v1alpha1\nkind: Report\n")
        .contains("  namespace: default\n");
    assertThat(run(seed("-o", "policyreport")).out)
        .contains("apiVersion: wgpolicyk8s.io/v1alpha2\nkind: PolicyReport\n");
    assertThat(run(seed("-o", "yaml")).out).contains("compliancePercent: 50.0");
    Path out = dir.resolve("report.json");
    assertThat(run(seed("-o", "json", "-O", out.toString())).out).isEmpty();
    assertThat(new ObjectMapper().readTree(Files.readString(out)).has("resources")).isTrue();
  }

  @Test
  void badAssignment_isLocated_exitThreeWithStrict(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.yaml");
    Files.writeString(
        a,
        "apiVersion: gatehouse.dev/v1alpha1\nkind: PolicyAssignment\nmetadata: {name: x}\nspec:\n"
            + "  definition: ContainerNoPrivilege\n  parameters:\n    nope: 1\n");
    CliRun r = run("audit", "-f", a.toString(), "-f", example("nginx-privileged.yaml"), "--strict");
    assertThat(r.code).isEqualTo(3);
    assertThat(r.err)
        .contains(
            "a.yaml:7: PolicyAssignment x: policy definition \"Kubernetes cluster should not allow privileged containers\" has no parameter 'nope'");
  }
}
