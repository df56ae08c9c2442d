package dev.gatehouse.admission.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.Severity;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every published Kubernetes validation definition and every initiative can be assigned (with the
 * required parameters that have no default given sample values) and deploys constraints whose
 * templates are bundled and compile, whose parameters fit the templates' schemas: the definitions'
 * ARM expressions, template references and the built-in library agree.
 *
 * <p>Two built-ins are fail-closed (docs/azure-policy-builtins.md): their policies need an external
 * data provider (notation signatures) or Defender vulnerability assessments, which are not
 * available offline, so they report every image they cannot assess; they deploy like the others.
 */
class PublishedDefinitionsDeployTest {
  /** Values for the parameters that have no default, by name. */
  private static final Map<String, String> REQUIRED =
      Map.ofEntries(
          Map.entry("allowedSysctls", "[\"kernel.shm_rmid_forced\"]"),
          Map.entry("namespaces", "[]"),
          Map.entry("kind", "ConfigMap"),
          Map.entry("allowedContainerImagesRegex", "'^myregistry\\.azurecr\\.io/.+$'"),
          Map.entry("allowedContainerPortsList", "[\"80\"]"),
          Map.entry("cpuLimit", "'500m'"),
          Map.entry("memoryLimit", "'512Mi'"),
          Map.entry("forbiddenSysctls", "[\"kernel.*\"]"),
          Map.entry("labels", "[\"kubernetes.azure.com\"]"),
          Map.entry("allowedUsers", "[]"),
          Map.entry("allowedGroups", "[]"),
          Map.entry("labelsList", "[\"app\"]"),
          Map.entry("messages", "{}"),
          Map.entry("reservedTaints", "[\"CriticalAddonsOnly=true:NoSchedule\"]"),
          Map.entry("allowedServicePortsList", "[\"443\"]"),
          Map.entry("allowedUserNames", "[\"ContainerUser\"]"));

  private static final List<String> NOT_BUNDLED =
      List.of(
          "kubernetes/image-integrity-notation-verification/v1/template.yaml",
          "kubernetes/container-no-vulnerable-images/v1/template.yaml");

  private static boolean expected(Diagnostic x) {
    return x.code().equals("template-not-bundled")
        && NOT_BUNDLED.stream().anyMatch(u -> x.message().contains(u + " is not bundled"));
  }

  private static String assignment(CatalogEntry e, String effect) {
    StringBuilder params = new StringBuilder();
    e.parameters().values().stream()
        .filter(p -> p.defaultValue() == null)
        .forEach(
            p ->
                params
                    .append("    ")
                    .append(p.name())
                    .append(": ")
                    .append(REQUIRED.get(p.name()))
                    .append('\n'));
    return "apiVersion: gatehouse.dev/v1alpha1\nkind: PolicyAssignment\nmetadata: {name: t}\nspec:\n"
        + "  "
        + (e instanceof PolicySetDefinition ? "initiative" : "definition")
        + ": "
        + e.id()
        + "\n"
        + (effect.isEmpty() ? "" : "  effect: " + effect + "\n")
        + (params.isEmpty() ? "" : "  parameters:\n" + params);
  }

  @TestFactory
  Stream<DynamicTest> everyDefinitionAndInitiative_deploysAndCompiles() {
    return AzureFixtures.catalog().latest().stream()
        .filter(e -> !(e instanceof PolicyDefinition d) || !d.isMutation())
        .map(e -> DynamicTest.dynamicTest(e.fileStem(), () -> deploys(e)));
  }

  private static void deploys(CatalogEntry e) {
    Diagnostics d = new Diagnostics();
    AzurePolicySet set = AzureFixtures.load(AzureFixtures.yaml(assignment(e, ""), d), d);
    PolicySnapshot s = AzureFixtures.snapshot(set, true, d);
    List<Diagnostic> problems =
        d.all().stream()
            .filter(
                x ->
                    x.severity() == Severity.ERROR
                        || (x.severity() == Severity.WARNING && !x.code().equals("member-skipped")))
            .toList();
    assertThat(problems.stream().filter(x -> !expected(x))).as(assignment(e, "")).isEmpty();
    long deployed = set.deployed().stream().filter(p -> p.effect() != Effect.DISABLED).count();
    assertThat(s.constraints()).hasSize((int) deployed);
    if (problems.isEmpty()) {
      assertThat(s.constraints()).isNotEmpty();
    }
    if (e.parameters().containsKey("effect")) {
      Diagnostics d2 = new Diagnostics();
      AzurePolicySet off =
          AzureFixtures.load(AzureFixtures.yaml(assignment(e, "Disabled"), d2), d2);
      assertThat(AzureFixtures.errors(d2)).isEmpty();
      assertThat(off.policies().constraints()).isEmpty();
    }
  }
}
