package dev.gatehouse.admission.azure;

import static dev.gatehouse.admission.azure.AzureFixtures.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.ReviewResult;
import dev.gatehouse.admission.cel.CelDriver;
import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom definitions in the published JSON form: templates inline (Base64Encoded) or in a file, and
 * the located errors of malformed definitions.
 */
class CustomDefinitionTest {
  static final String TEMPLATE =
      """
      apiVersion: templates.gatekeeper.sh/v1
      kind: ConstraintTemplate
      metadata: {name: requireteam}
      spec:
        crd:
          spec:
            names: {kind: RequireTeam}
            validation:
              openAPIV3Schema:
                type: object
                properties:
                  label: {type: string}
        targets:
        - target: admission.k8s.gatekeeper.sh
          code:
          - engine: K8sNativeValidation
            source:
              validations:
              - expression: 'has(object.metadata.labels) && params.spec.parameters.label in object.metadata.labels'
                messageExpression: '"missing label " + params.spec.parameters.label'
      """;

  static String definition(String templateInfo) {
    return """
        {
          "properties": {
            "displayName": "Pods must carry a team label",
            "policyType": "Custom",
            "mode": "Microsoft.Kubernetes.Data",
            "metadata": {"category": "Kubernetes", "version": "1.0.0"},
            "parameters": {
              "effect": {"type": "String", "allowedValues": ["Audit", "Deny", "Disabled"], "defaultValue": "Deny"},
              "excludedNamespaces": {"type": "Array", "defaultValue": ["kube-system"]},
              "label": {"type": "String", "defaultValue": "team"}
            },
            "policyRule": {
              "if": {"field": "type", "in": ["Microsoft.ContainerService/managedClusters"]},
              "then": {
                "effect": "[parameters('effect')]",
                "details": {
                  "templateInfo": %s,
                  "apiGroups": [""],
                  "kinds": ["Pod"],
                  "excludedNamespaces": "[parameters('excludedNamespaces')]",
                  "values": {"label": "[parameters('label')]"}
                }
              }
            }
          },
          "name": "require-team"
        }
        """
        .formatted(templateInfo);
  }

  private static final String ASSIGN =
      """
      apiVersion: gatehouse.dev/v1alpha1
      kind: PolicyAssignment
      metadata: {name: team}
      spec:
        definition: Pods must carry a team label
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: p, namespace: prod}
      spec:
        containers: [{name: c, image: nginx}]
      """;

  private static ReviewResult reviewWith(String definitionJson, Path file) throws Exception {
    Files.writeString(file, definitionJson);
    Diagnostics d = new Diagnostics();
    DefinitionCatalog catalog = DefinitionCatalog.load(List.of(file), d);
    List<KubeObject> objects = AzureFixtures.yaml(ASSIGN, d);
    AzurePolicySet set = AzurePolicyLoader.load(objects, () -> catalog, TemplateStore.builtin(), d);
    PolicySnapshot s =
        AdmissionEngine.builder().driver(CelDriver.create()).build().compile(set.policies(), d);
    assertThat(errors(d)).isEmpty();
    return s.review(AdmissionRequest.ofObject(set.policies().others().get(0)), Inventory.empty());
  }

  @Test
  void base64Template_deploysAndDenies(@TempDir Path dir) throws Exception {
    String b64 = Base64.getEncoder().encodeToString(TEMPLATE.getBytes(StandardCharsets.UTF_8));
    ReviewResult r =
        reviewWith(
            definition("{\"sourceType\": \"Base64Encoded\", \"content\": \"" + b64 + "\"}"),
            dir.resolve("team.json"));
    assertThat(r.denyMessage())
        .matches("^\\[azurepolicy-requireteam-[0-9a-f]{20}\\] missing label team$");
  }

  @Test
  void fileTemplate_relativeToTheDefinition(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
    ReviewResult r =
        reviewWith(
            definition("{\"sourceType\": \"PublicURL\", \"url\": \"template.yaml\"}"),
            dir.resolve("team.json"));
    assertThat(r.allowed()).isFalse();
  }

  @Test
  void remoteTemplate_isNotBundled_locatedAtTheAssignment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("team.json");
    Files.writeString(
        file,
        definition("{\"sourceType\": \"PublicURL\", \"url\": \"https://example.com/t.yaml\"}"));
    Diagnostics d = new Diagnostics();
    DefinitionCatalog catalog = DefinitionCatalog.load(List.of(file), d);
    AzurePolicyLoader.load(
        AzureFixtures.yaml(ASSIGN, d), () -> catalog, TemplateStore.builtin(), d);
    assertThat(errors(d)).hasSize(1);
    Diagnostic e = errors(d).get(0);
    assertThat(e.code()).isEqualTo("template-not-bundled");
    assertThat(e.location().toString()).isEqualTo("test.yaml:5");
    assertThat(e.message()).contains("template https://example.com/t.yaml is not bundled");
  }

  @Test
  void storeTemplateMissing_saysNotBundled(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("team.json");
    String url =
        "https://store.policy.core.windows.net/kubernetes/no-such-template/v9/template.yaml";
    Files.writeString(
        file, definition("{\"sourceType\": \"PublicURL\", \"url\": \"" + url + "\"}"));
    Diagnostics d = new Diagnostics();
    DefinitionCatalog catalog = DefinitionCatalog.load(List.of(file), d);
    AzurePolicyLoader.load(
        AzureFixtures.yaml(ASSIGN, d), () -> catalog, TemplateStore.builtin(), d);
    assertThat(errors(d))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("template " + url + " is not bundled"));
  }

  @Test
  void directoryStore_servesTemplatesByStorePath(@TempDir Path dir) throws Exception {
    Path t = dir.resolve("store/require-team/v1");
    Files.createDirectories(t);
    Files.writeString(t.resolve("template.yaml"), TEMPLATE);
    Diagnostics d = new Diagnostics();
    Optional<dev.gatehouse.admission.ConstraintTemplate> found =
        TemplateStore.directory(dir.resolve("store"))
            .orElse(TemplateStore.builtin())
            .find("require-team", "v1", d);
    assertThat(found).isPresent();
    assertThat(found.get().kind()).isEqualTo("RequireTeam");
    assertThat(
            TemplateStore.directory(dir.resolve("store"))
                .orElse(TemplateStore.builtin())
                .find("container-no-privilege", "v2", d))
        .isPresent();
  }

  private static List<Diagnostic> readErrors(String json) {
    Diagnostics d = new Diagnostics();
    JsonDocument.parse(json, "bad.json", d)
        .ifPresent(doc -> DefinitionCatalog.read(List.of(doc), d));
    return errors(d);
  }

  @Test
  void read_malformedDefinitions_locatedErrors() {
    String base = definition("{\"sourceType\": \"PublicURL\", \"url\": \"t.yaml\"}");
    assertThat(readErrors(base)).isEmpty();
    List<Diagnostic> e =
        readErrors(base.replace("[parameters('label')]", "[parameters('labels')]"));
    assertThat(e)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.location().toString()).isEqualTo("bad.json:21");
              assertThat(x.message()).contains("parameter 'labels' is not defined");
            });
    e =
        readErrors(
            base.replace(
                "\"type\": \"String\", \"defaultValue\": \"team\"", "\"type\": \"Strung\""));
    assertThat(e)
        .singleElement()
        .satisfies(x -> assertThat(x.toString()).contains("bad.json:10").contains("\"Strung\""));
    e = readErrors(base.replace("\"defaultValue\": \"team\"", "\"defaultValue\": 3"));
    assertThat(e)
        .singleElement()
        .satisfies(
            x -> assertThat(x.message()).contains("must be of type String, not the number 3"));
    e = readErrors(base.replace("\"sourceType\": \"PublicURL\"", "\"sourceType\": \"Git\""));
    assertThat(e)
        .singleElement()
        .satisfies(
            x -> assertThat(x.message()).contains("unknown templateInfo sourceType \"Git\""));
    e = readErrors(base.replace("[parameters('effect')]", "[parameters('effect'))]"));
    assertThat(e).singleElement().satisfies(x -> assertThat(x.location().line()).isEqualTo(15));
    assertThat(readErrors("{\"properties\": {}}"))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("neither a policy definition"));
    assertThat(readErrors("{\"properties\": "))
        .singleElement()
        .satisfies(x -> assertThat(x.code()).isEqualTo("json-syntax"));
  }
}
