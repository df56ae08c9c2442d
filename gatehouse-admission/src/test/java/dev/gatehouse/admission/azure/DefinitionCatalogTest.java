package dev.gatehouse.admission.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The published definitions and initiatives, read in place. */
class DefinitionCatalogTest {
  private static final String BASELINE =
      "Kubernetes cluster pod security baseline standards for Linux-based workloads";

  @Test
  void load_publishedFiles_allDefinitionsAndInitiatives() {
    DefinitionCatalog c = AzureFixtures.catalog();
    assertThat(c.latest().stream().filter(PolicyDefinition.class::isInstance)).hasSize(56);
    assertThat(c.latest().stream().filter(PolicySetDefinition.class::isInstance)).hasSize(5);
    assertThat(c.latest().get(0)).isInstanceOf(PolicySetDefinition.class);
  }

  @Test
  void lookup_byDisplayNameNameIdOrFileStem_findsTheSameInitiative() {
    DefinitionCatalog c = AzureFixtures.catalog();
    String id =
        "/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d";
    for (String ref :
        List.of(
            BASELINE,
            BASELINE.toUpperCase(),
            "a8640138-9b0a-4a28-b8cb-1666c838647d",
            id,
            "PSPBaselineStandard")) {
      List<PolicySetDefinition> found = c.lookup(ref, PolicySetDefinition.class);
      assertThat(found).as(ref).hasSize(1);
      assertThat(found.get(0).id()).isEqualTo(id);
    }
    assertThat(c.lookup(BASELINE, PolicyDefinition.class)).isEmpty();
  }

  @Test
  void read_baselineInitiative_membersWithPinsAndValues() {
    PolicySetDefinition set =
        AzureFixtures.catalog().lookup(BASELINE, PolicySetDefinition.class).get(0);
    assertThat(set.members().stream().map(PolicySetDefinition.Member::referenceId))
        .containsExactly(
            "NoPrivilegedContainers",
            "BlockUsingHostNetwork",
            "BlockUsingHostProcessIDAndIPC",
            "ContainerCapabilities",
            "NoHostPathVolume");
    PolicySetDefinition.Member net = set.members().get(1);
    assertThat(net.definitionVersion()).isEqualTo("6.*.*");
    assertThat(net.parameters().get("maxPort").asInt()).isZero();
    assertThat(set.parameters().get("effect").defaultValue().asText()).isEqualTo("Audit");
  }

  @Test
  void resolve_pins_satisfiedOrSubstitutedByTheNewest() {
    DefinitionCatalog c = AzureFixtures.catalog();
    var priv =
        c.resolve(
                "/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4",
                "9.*.*")
            .orElseThrow();
    assertThat(priv.substituted()).isFalse();
    assertThat(priv.definition().version().toString()).isEqualTo("9.2.0");
    var net =
        c.resolve(
                "/providers/Microsoft.Authorization/policyDefinitions/82985f06-dc18-4a48-bc1c-b9f4f0098cfe",
                "6.*.*")
            .orElseThrow();
    assertThat(net.substituted()).isTrue();
    assertThat(net.definition().version().toString()).isEqualTo("7.0.0");
    assertThat(net.definition().versions()).contains("6.2.0");
    assertThat(
            c.resolve(
                "/providers/Microsoft.Authorization/policyDefinitions/5dc99dae-cfb2-42cc-8762-9aae02b74e27",
                "1.*.*-preview"))
        .as("an ARM-level definition is not in the catalog")
        .isEmpty();
    assertThat(
            c.resolve("82985F06-DC18-4A48-BC1C-B9F4F0098CFE", "")
                .orElseThrow()
                .definition()
                .version()
                .toString())
        .as("by name, any case")
        .isEqualTo("7.0.0");
  }

  @Test
  void read_templateRefs_storeAndLegacy() {
    DefinitionCatalog c = AzureFixtures.catalog();
    PolicyDefinition priv = c.lookup("ContainerNoPrivilege", PolicyDefinition.class).get(0);
    assertThat(priv.template().orElseThrow())
        .isEqualTo(
            new TemplateRef.Store(
                "https://store.policy.core.windows.net/kubernetes/container-no-privilege/v2/template.yaml",
                "container-no-privilege",
                "v2"));
    PolicyDefinition ingress = c.lookup("IngressHostnamesConflict", PolicyDefinition.class).get(0);
    assertThat(ingress.template().orElseThrow()).isInstanceOf(TemplateRef.Store.class);
    assertThat(((TemplateRef.Store) ingress.template().orElseThrow()).version()).isEqualTo("v1");
    assertThat(ingress.legacyConstraintUrl()).endsWith("/constraint.yaml");
  }

  @Test
  void bundled_readsTheIndexedResources(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path res = dir.resolve("dev/gatehouse/admission/azure/definitions");
    java.nio.file.Files.createDirectories(res.resolve("custom"));
    java.nio.file.Files.writeString(res.resolve("index.txt"), "# bundled\ncustom/team.json\n");
    java.nio.file.Files.writeString(
        res.resolve("custom/team.json"),
        CustomDefinitionTest.definition("{\"sourceType\": \"PublicURL\", \"url\": \"t.yaml\"}"));
    dev.gatehouse.kube.Diagnostics d = new dev.gatehouse.kube.Diagnostics();
    try (java.net.URLClassLoader loader =
        new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null)) {
      DefinitionCatalog c = DefinitionCatalog.bundled(loader, d);
      assertThat(d.all()).isEmpty();
      assertThat(c.latest())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.displayName()).isEqualTo("Pods must carry a team label");
                assertThat(e.document().file()).isEqualTo("bundled:custom/team.json");
              });
    }
    assertThat(DefinitionCatalog.bundled(getClass().getClassLoader(), d).isEmpty()).isTrue();
  }
}
