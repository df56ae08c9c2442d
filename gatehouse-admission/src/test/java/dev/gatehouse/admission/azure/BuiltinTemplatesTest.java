package dev.gatehouse.admission.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.CelSource;
import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.admission.PolicySet;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.RegoSource;
import dev.gatehouse.admission.SharedConformance;
import dev.gatehouse.admission.cel.CelDriver;
import dev.gatehouse.admission.rego.RegoDriver;
import dev.gatehouse.kube.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built-in template library: the index lists exactly the template folders, every template
 * loads, names itself as Azure does and compiles, and every published definition (deprecated ones
 * included) finds its template, which declares the parameters the definition passes.
 *
 * <p>{@code index.txt} is generated: run with {@code -Dgatehouse.updateIndex=true} to rewrite it
 * from the folders.
 */
class BuiltinTemplatesTest {
  private static final Path SOURCES =
      Path.of("src/main/resources/dev/gatehouse/admission/azure/templates");

  @Test
  void list_matchesTemplateFolders() throws IOException {
    List<String> folders;
    try (Stream<Path> s = Files.walk(SOURCES)) {
      folders =
          s.filter(p -> p.getFileName().toString().equals("template.yaml"))
              .map(p -> SOURCES.relativize(p.getParent()).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }
    Path index = SOURCES.resolve("index.txt");
    String expected = String.join("\n", folders) + "\n";
    if (Boolean.getBoolean("gatehouse.updateIndex")
        && !Files.readString(index, StandardCharsets.UTF_8).equals(expected)) {
      Files.writeString(index, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(index, StandardCharsets.UTF_8))
        .as("index.txt (regenerate with -Dgatehouse.updateIndex=true)")
        .isEqualTo(expected);
    assertThat(BuiltinTemplates.list()).isEqualTo(folders);
  }

  @Test
  void find_everyTemplate_loadsCleanlyAndNamesItselfAsAzureDoes() {
    for (String id : BuiltinTemplates.list()) {
      Diagnostics d = new Diagnostics();
      String[] parts = id.split("/");
      Optional<ConstraintTemplate> t = BuiltinTemplates.find(parts[0], parts[1], d);
      assertThat(d.all()).as(id).isEmpty();
      assertThat(t).as(id).isPresent();
      ConstraintTemplate template = t.get();
      assertThat(template.kind()).as(id).startsWith("K8sAzure");
      assertThat(template.name()).as(id).isEqualTo(template.kind().toLowerCase(Locale.ROOT));
      assertThat(
              template
                  .origin()
                  .body()
                  .at("/metadata/annotations/gatehouse.dev~1azure-template")
                  .asText())
          .as(id)
          .isEqualTo(id);
      assertThat(template.sources()).as(id).hasSize(1);
      assertThat(template.sources().get(0))
          .as(id)
          .isInstanceOfAny(CelSource.class, RegoSource.class);
      assertThat(template.legacySchema()).as(id).isFalse();
      assertThat(BuiltinTemplates.find(parts[0], parts[1], new Diagnostics()).get())
          .as("cached")
          .isSameAs(template);
    }
  }

  @Test
  void find_constraintKindsAreDistinct() {
    List<String> kinds = new ArrayList<>();
    for (String id : BuiltinTemplates.list()) {
      String[] parts = id.split("/");
      kinds.add(BuiltinTemplates.find(parts[0], parts[1], new Diagnostics()).orElseThrow().kind());
    }
    assertThat(kinds).doesNotHaveDuplicates();
  }

  @Test
  void compile_everyTemplate_compilesWithTheCelAndRegoDrivers() {
    List<ConstraintTemplate> all = new ArrayList<>();
    for (String id : BuiltinTemplates.list()) {
      String[] parts = id.split("/");
      all.add(BuiltinTemplates.find(parts[0], parts[1], new Diagnostics()).orElseThrow());
    }
    Diagnostics d = new Diagnostics();
    PolicySnapshot snapshot =
        AdmissionEngine.builder()
            .driver(CelDriver.create())
            .driver(RegoDriver.create())
            .build()
            .compile(new PolicySet(all, List.of(), List.of()), d);
    assertThat(d.all()).isEmpty();
    assertThat(snapshot).isNotNull();
  }

  @Test
  void find_unknownOrMalformedNames_areAbsentWithoutDiagnostics() {
    Diagnostics d = new Diagnostics();
    assertThat(BuiltinTemplates.find("container-no-privilege", "v9", d)).isEmpty();
    assertThat(BuiltinTemplates.find("no-such-template", "v1", d)).isEmpty();
    assertThat(BuiltinTemplates.find("../templates/container-no-privilege", "v2", d)).isEmpty();
    assertThat(BuiltinTemplates.find("container-no-privilege", "2", d)).isEmpty();
    assertThat(BuiltinTemplates.source("container-no-privilege", "v2/../../v2")).isEmpty();
    assertThat(d.all()).isEmpty();
  }

  @Test
  void findByUrl_storeAndDeprecatedGitHubUrls() {
    Diagnostics d = new Diagnostics();
    assertThat(
            BuiltinTemplates.findByUrl(
                    "https://store.policy.core.windows.net/kubernetes/container-no-privilege/v2/template.yaml",
                    d)
                .map(ConstraintTemplate::kind))
        .contains("K8sAzureV2NoPrivilege");
    assertThat(
            BuiltinTemplates.findByUrl(
                    "https://raw.githubusercontent.com/Azure/azure-policy/master/built-in-references/"
                        + "Kubernetes/ingress-hostnames-conflict/template.yaml",
                    d)
                .map(ConstraintTemplate::kind))
        .contains("K8sAzureUniqueIngressHost");
    assertThat(BuiltinTemplates.findByUrl("https://example.com/template.yaml", d)).isEmpty();
    assertThat(
            BuiltinTemplates.idOfUrl(
                "https://store.policy.core.windows.net/kubernetes/host-network-ports/v3/template.yaml"))
        .contains("host-network-ports/v3");
    assertThat(d.all()).isEmpty();
  }

  @Test
  void definitions_everyTemplateUrlIsBuiltIn_andDeclaresTheValuesPassed() throws IOException {
    Optional<Path> dir = SharedConformance.find("azure-policy/definitions");
    assumeTrue(dir.isPresent(), SharedConformance.absent("azure-policy/definitions"));
    ObjectMapper json = new ObjectMapper();
    TreeMap<String, String> missing = new TreeMap<>();
    TreeSet<String> named = new TreeSet<>();
    List<String> undeclared = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.get())) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode details = json.readTree(file.toFile()).at("/properties/policyRule/then/details");
        String url =
            details.at("/templateInfo/url").asText(details.path("constraintTemplate").asText());
        String id = BuiltinTemplates.idOfUrl(url).orElse(url);
        named.add(id);
        String[] parts = id.split("/");
        Optional<ConstraintTemplate> t =
            parts.length == 2
                ? BuiltinTemplates.find(parts[0], parts[1], new Diagnostics())
                : Optional.empty();
        if (t.isEmpty()) {
          missing.put(id, file.getFileName().toString());
          continue;
        }
        JsonNode properties = t.get().parameterSchema().path("properties");
        details.path("values").properties().stream()
            .map(Map.Entry::getKey)
            .filter(k -> !k.equals("excludedNamespaces") && !properties.has(k))
            .forEach(k -> undeclared.add(file.getFileName() + ": " + k + " (" + id + ")"));
      }
    }
    assertThat(missing).isEmpty();
    assertThat(undeclared).isEmpty();
    assertThat(named).hasSizeGreaterThanOrEqualTo(50);
  }
}
