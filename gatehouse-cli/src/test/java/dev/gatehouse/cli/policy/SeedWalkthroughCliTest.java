package dev.gatehouse.cli.policy;

import static dev.gatehouse.cli.policy.CliRun.example;
import static dev.gatehouse.cli.policy.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The README walk-through (docs/azure-policy.md, seeds 003/004), command by command, on the shipped
 * examples.
 */
class SeedWalkthroughCliTest {
  private static final String DENIAL =
      "  \\[azurepolicy-k8sazurev2noprivilege-[0-9a-f]{20}\\] Privileged container is not allowed:"
          + " nginx-privileged, securityContext: \\{\"privileged\": true\\}";

  @Test
  void baselineDeny_deniesThePrivilegedPod() {
    CliRun r =
        run(
            "admission",
            "test",
            "-f",
            example("baseline-deny.yaml"),
            "-f",
            example("nginx-privileged.yaml"));
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out)
        .containsPattern(
            "Pod nginx-privileged \\(.*nginx-privileged.yaml:1\\): denied\n" + DENIAL + "\n")
        .contains("1 object reviewed against 5 constraints: 1 denied, 1 deny, 0 warn, 0 dryrun");
    assertThat(r.err).doesNotContain("warning:").doesNotContain("error");
  }

  @Test
  void baselineDeny_admitsTheUnprivilegedPod() {
    CliRun r =
        run(
            "admission",
            "test",
            "-f",
            example("baseline-deny.yaml"),
            "-f",
            example("nginx-unprivileged.yaml"));
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out)
        .isEqualTo("1 object reviewed against 5 constraints: 0 denied, 0 deny, 0 warn, 0 dryrun\n");
  }

  @Test
  void baselineAudit_admitsAndRecordsTheViolation() {
    CliRun r =
        run(
            "admission",
            "test",
            "-f",
            example("baseline-audit.yaml"),
            "-f",
            example("nginx-privileged.yaml"));
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).containsPattern("\\): allowed\n  Dryrun: " + DENIAL.substring(2));
  }

  @Test
  void allowedImages_deniesOtherRegistries() {
    CliRun denied =
        run(
            "admission",
            "test",
            "-f",
            example("allowed-images.yaml"),
            "-f",
            example("nginx-unprivileged.yaml"));
    assertThat(denied.code).as(denied.toString()).isEqualTo(1);
    assertThat(denied.out)
        .containsPattern(
            "  \\[azurepolicy-k8sazurev2containerallowedimag-[0-9a-f]{20}\\] .*mcr\\.microsoft\\.com/oss/nginx/nginx:1\\.15\\.5-alpine");
    CliRun admitted =
        run(
            "admission",
            "test",
            "-f",
            example("allowed-images.yaml"),
            "-f",
            example("nginx-myregistry.yaml"));
    assertThat(admitted.code).as(admitted.toString()).isZero();
  }

  @Test
  void strict_passes_versionSubstitutionsAreNotes() {
    CliRun r =
        run(
            "admission",
            "test",
            "--strict",
            "-f",
            example("baseline-deny.yaml"),
            "-f",
            example("nginx-unprivileged.yaml"));
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.err)
        .contains(
            "note: PolicyAssignment pod-security-baseline: initiative member BlockUsingHostNetwork");
  }
}
