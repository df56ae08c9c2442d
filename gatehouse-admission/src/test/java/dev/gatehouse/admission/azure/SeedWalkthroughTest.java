package dev.gatehouse.admission.azure;

import static dev.gatehouse.admission.azure.AzureFixtures.errors;
import static dev.gatehouse.admission.azure.AzureFixtures.examples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.EnforcementAction;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.ReviewResult;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The walk-through of seeds 003/004 on the shipped examples ({@code examples/azure-policy}): the
 * baseline initiative assigned with effect Deny denies the privileged NGINX pod with Azure's
 * message and admits the unprivileged one; with effect Audit both are admitted; the allowed-images
 * definition denies an image from another registry.
 */
class SeedWalkthroughTest {
  private static final String DENIAL =
      "^\\[azurepolicy-k8sazurev2noprivilege-[0-9a-f]{20}\\] Privileged container is not allowed:"
          + " nginx-privileged, securityContext: \\{\"privileged\": true\\}$";

  private static ReviewResult review(String assignment, String pod) {
    Diagnostics d = new Diagnostics();
    List<KubeObject> objects = examples(assignment, pod);
    AzurePolicySet set = AzureFixtures.load(objects, d);
    PolicySnapshot snapshot = AzureFixtures.snapshot(set, false, d);
    assertThat(errors(d)).isEmpty();
    assertThat(set.policies().others()).hasSize(1);
    KubeObject obj = set.policies().others().get(0);
    return snapshot.review(AdmissionRequest.ofObject(obj), Inventory.of(new ArrayList<>()));
  }

  @Test
  void baselineDeny_privilegedPod_isDeniedWithAzureMessage() {
    ReviewResult r = review("baseline-deny.yaml", "nginx-privileged.yaml");
    assertThat(r.allowed()).isFalse();
    assertThat(r.denyMessage()).matches(DENIAL);
  }

  @Test
  void baselineDeny_unprivilegedPod_isAdmitted() {
    ReviewResult r = review("baseline-deny.yaml", "nginx-unprivileged.yaml");
    assertThat(r.allowed()).isTrue();
    assertThat(r.results()).isEmpty();
  }

  @Test
  void baselineAudit_privilegedPod_isAdmittedAsDryrun() {
    ReviewResult r = review("baseline-audit.yaml", "nginx-privileged.yaml");
    assertThat(r.allowed()).isTrue();
    assertThat(r.results()).hasSize(1);
    assertThat(r.results().get(0).action()).isEqualTo(EnforcementAction.DRYRUN);
    assertThat(r.results().get(0).gatekeeperMessage()).matches(DENIAL);
  }

  @Test
  void allowedImages_otherRegistry_isDenied() {
    ReviewResult r = review("allowed-images.yaml", "nginx-unprivileged.yaml");
    assertThat(r.allowed()).isFalse();
    assertThat(r.denyMessage())
        .matches("^\\[azurepolicy-k8sazurev2containerallowedimag-[0-9a-f]{20}\\] .*")
        .contains("mcr.microsoft.com/oss/nginx/nginx:1.15.5-alpine");
  }

  @Test
  void allowedImages_allowedRegistry_isAdmitted() {
    ReviewResult r = review("allowed-images.yaml", "nginx-myregistry.yaml");
    assertThat(r.allowed()).isTrue();
  }
}
