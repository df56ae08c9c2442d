package dev.gatehouse.admission.azure;

import static dev.gatehouse.admission.azure.AzureFixtures.errors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.admission.Constraint;
import dev.gatehouse.admission.EnforcementAction;
import dev.gatehouse.admission.Match;
import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Assignments of the published definitions and initiatives, expanded into constraints. */
class AssignmentExpanderTest {
  private static final String HEADER =
      """
      apiVersion: gatehouse.dev/v1alpha1
      kind: PolicyAssignment
      metadata: {name: a}
      spec:
      """;

  private record Expanded(AzurePolicySet set, Diagnostics diagnostics) {
    Constraint constraint() {
      assertThat(set.policies().constraints()).hasSize(1);
      return set.policies().constraints().get(0);
    }

    JsonNode body() {
      return constraint().body();
    }

    List<Diagnostic> errors() {
      return AzureFixtures.errors(diagnostics);
    }
  }

  private static Expanded expand(String spec) {
    Diagnostics d = new Diagnostics();
    AzurePolicySet set = AzureFixtures.load(AzureFixtures.yaml(HEADER + spec.indent(2), d), d);
    return new Expanded(set, d);
  }

  private static Expanded ok(String spec) {
    Expanded e = expand(spec);
    assertThat(e.errors()).isEmpty();
    return e;
  }

  @Test
  void definition_defaults_constraintAsTheAddOnDeploysIt() {
    Expanded e = ok("definition: Kubernetes cluster should not allow privileged containers");
    Constraint c = e.constraint();
    assertThat(c.kind()).isEqualTo("K8sAzureV2NoPrivilege");
    assertThat(c.name())
        .isEqualTo(
            "azurepolicy-k8sazurev2noprivilege-"
                + ConstraintNames.hash(
                    "/providers/Microsoft.Authorization/policyAssignments/a",
                    "/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4",
                    ""));
    assertThat(c.enforcementAction()).isEqualTo(EnforcementAction.DENY);
    Match m = c.match();
    assertThat(m.kinds()).singleElement().satisfies(k -> assertThat(k.matches("", "Pod")).isTrue());
    assertThat(m.excludedNamespaces())
        .containsExactly(
            "kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system");
    assertThat(m.namespaces()).isEmpty();
    assertThat(m.labelSelector().isEmpty()).isTrue();
    assertThat(m.source()).isEqualTo(Match.Source.ORIGINAL);
    assertThat(c.parameters().toString())
        .isEqualTo("{\"excludedContainers\":[],\"excludedImages\":[]}");
    JsonNode ann = e.body().path("metadata").path("annotations");
    assertThat(ann.path("azure-policy-assignment-id").asText())
        .isEqualTo("/providers/Microsoft.Authorization/policyAssignments/a");
    assertThat(ann.path("gatehouse.dev/definition-display-name").asText())
        .isEqualTo("Kubernetes cluster should not allow privileged containers");
    assertThat(e.set().deployed())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.effect()).isEqualTo(Effect.DENY);
              assertThat(p.templateName()).isEqualTo("k8sazurev2noprivilege");
            });
  }

  @Test
  void effects_mapToEnforcementActions() {
    String def = "definition: ContainerNoPrivilege\n";
    assertThat(ok(def + "effect: audit").constraint().enforcementAction())
        .isEqualTo(EnforcementAction.DRYRUN);
    assertThat(ok(def + "effect: Audit\nparameters: {warn: true}").constraint().enforcementAction())
        .isEqualTo(EnforcementAction.WARN);
    assertThat(ok(def + "effect: Deny\nparameters: {warn: true}").constraint().enforcementAction())
        .isEqualTo(EnforcementAction.DENY);
    assertThat(
            ok(def + "parameters: {effect: deny}\nenforcementMode: DoNotEnforce")
                .constraint()
                .enforcementAction())
        .isEqualTo(EnforcementAction.DRYRUN);
    Expanded disabled = ok(def + "effect: Disabled");
    assertThat(disabled.set().policies().constraints()).isEmpty();
    assertThat(disabled.set().policies().templates()).isEmpty();
    assertThat(disabled.set().deployed())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.effect()).isEqualTo(Effect.DISABLED);
              assertThat(p.enforcementAction()).isEmpty();
            });
  }

  @Test
  void scopeAndExclusions_narrowTheMatch() {
    Expanded e =
        ok(
            """
            definition: ContainerNoPrivilege
            scope:
              namespaces: [prod, team-*]
              labelSelector: {matchLabels: {tier: web}}
            excludedNamespaces: [kube-system]
            parameters: {source: All}
            """);
    Match m = e.constraint().match();
    assertThat(m.namespaces()).containsExactly("prod", "team-*");
    assertThat(m.excludedNamespaces()).containsExactly("kube-system");
    assertThat(m.labelSelector().matches(java.util.Map.of("tier", "web"))).isTrue();
    assertThat(m.labelSelector().matches(java.util.Map.of("tier", "db"))).isFalse();
    assertThat(m.source()).isEqualTo(Match.Source.ALL);
  }

  @Test
  void parameters_wrongNamesTypesAndValues_locatedErrors() {
    Expanded e = expand("definition: ContainerNoPrivilege\nparameters:\n  excludedContainer: [a]");
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("unknown-parameter");
              assertThat(x.location().toString()).isEqualTo("test.yaml:7");
              assertThat(x.message()).contains("has no parameter 'excludedContainer'");
            });
    e = expand("definition: ContainerNoPrivilege\nparameters:\n  source: Sometimes");
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.location().toString()).isEqualTo("test.yaml:7");
              assertThat(x.message())
                  .contains("parameter 'source' does not allow the string \"Sometimes\"");
            });
    e = expand("definition: ContainerNoPrivilege\nparameters:\n  excludedContainers: nginx");
    assertThat(e.errors())
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("must be of type Array"));
    e = expand("definition: Kubernetes cluster containers should only use allowed images");
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("missing-parameter");
              assertThat(x.location().toString()).isEqualTo("test.yaml:5");
              assertThat(x.message())
                  .contains("'allowedContainerImagesRegex' has no default value");
            });
    assertThat(e.set().policies().constraints()).isEmpty();
  }

  @Test
  void effect_notAllowedByTheDefinition_isAnError() {
    Expanded e = expand("definition: BlockAdminRolebindings\neffect: Deny");
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.location().toString()).isEqualTo("test.yaml:6");
              assertThat(x.message())
                  .contains("does not allow effect Deny (allowed: Audit, Disabled)");
            });
  }

  @Test
  void scopeAndParameter_bothSet_isAnError() {
    Expanded e =
        expand(
            "definition: ContainerNoPrivilege\nscope: {namespaces: [a]}\nparameters: {namespaces: [b]}");
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.message())
                    .contains("set spec.scope.namespaces or spec.parameters.namespaces, not both"));
    e = expand("definition: ContainerNoPrivilege\neffect: Audit\nparameters: {effect: Deny}");
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.message())
                    .contains("set spec.effect or spec.parameters.effect, not both"));
  }

  @Test
  void unknownTarget_hintsAtTheOtherKind() {
    Expanded e =
        expand(
            "definition: Kubernetes cluster pod security baseline standards for Linux-based workloads");
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("unknown-definition");
              assertThat(x.location().toString()).isEqualTo("test.yaml:5");
              assertThat(x.message()).contains("it is an initiative: use spec.initiative");
            });
    e = expand("initiative: no such thing");
    assertThat(e.errors())
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("no initiative named \"no such thing\""));
  }

  @Test
  void baselineInitiative_membersParametersAndPins() {
    Expanded e =
        ok(
            """
            initiative: Kubernetes cluster pod security baseline standards for Linux-based workloads
            effect: Deny
            parameters:
              allowedHostPaths: {paths: [{pathPrefix: /var/log, readOnly: true}]}
            """);
    List<Constraint> cs = e.set().policies().constraints();
    assertThat(cs).hasSize(5);
    assertThat(cs)
        .allSatisfy(
            c -> {
              assertThat(c.enforcementAction()).isEqualTo(EnforcementAction.DENY);
              assertThat(
                      c.body().at("/metadata/annotations/azure-policy-setdefinition-id").asText())
                  .endsWith("a8640138-9b0a-4a28-b8cb-1666c838647d");
            });
    Constraint caps = byKind(cs, "K8sAzureV3AllowedCapabilities");
    assertThat(caps.parameters().path("allowedCapabilities")).hasSize(14);
    assertThat(
            caps.body().at("/metadata/annotations/azure-policy-definition-reference-id").asText())
        .isEqualTo("ContainerCapabilities");
    Constraint paths = byKind(cs, "K8sAzureV4HostFilesystem");
    assertThat(paths.parameters().path("allowedHostPaths").toString())
        .isEqualTo("[{\"pathPrefix\":\"/var/log\",\"readOnly\":true}]");
    List<Diagnostic> notes =
        e.diagnostics().all().stream().filter(x -> x.code().equals("version-substituted")).toList();
    assertThat(notes).hasSize(2).allSatisfy(n -> assertThat(n.severity()).isEqualTo(Severity.INFO));
    assertThat(notes.get(0).message())
        .contains("BlockUsingHostNetwork")
        .contains("6.*.*")
        .contains("using 7.0.0")
        .contains("minPort=0, maxPort=0");
    assertThat(e.diagnostics().hasProblems()).as("no warnings: --strict passes").isFalse();
  }

  @Test
  void restrictedInitiative_objectParametersThroughPropertyAccess() {
    Expanded e = ok("initiative: PSPRestrictedStandard");
    Constraint users = byKind(e.set().policies().constraints(), "K8sAzureV3AllowedUsersGroups");
    assertThat(users.parameters().path("runAsUser").toString())
        .isEqualTo("{\"rule\":\"MustRunAsNonRoot\",\"ranges\":[]}");
    assertThat(users.parameters().path("fsGroup").toString())
        .isEqualTo("{\"rule\":\"MustRunAs\",\"ranges\":[{\"min\":1,\"max\":65535}]}");
    assertThat(e.set().policies().constraints())
        .allSatisfy(c -> assertThat(c.enforcementAction()).isEqualTo(EnforcementAction.DRYRUN));
  }

  @Test
  void parameterisedKinds_andLegacyDefinitions() {
    Expanded e = ok("definition: BlockResource\nparameters: {kind: ConfigMap, namespaces: []}");
    assertThat(e.constraint().match().kinds())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.matches("", "ConfigMap")).isTrue();
              assertThat(k.matches("", "Pod")).isFalse();
            });
    e = ok("definition: ContainerAllowedPorts\nparameters: {allowedContainerPortsList: [\"80\"]}");
    assertThat(e.constraint().match().kinds())
        .singleElement()
        .satisfies(k -> assertThat(k.matches("", "Pod")).isTrue());
    assertThat(e.constraint().match().excludedNamespaces())
        .containsExactly("kube-system", "gatekeeper-system", "azure-arc");
  }

  @Test
  void assignment_malformed_locatedErrors() {
    Diagnostics d = new Diagnostics();
    AzureFixtures.load(
        AzureFixtures.yaml(
            """
            apiVersion: gatehouse.dev/v1alpha1
            kind: PolicyAssignment
            metadata: {name: Bad_Name}
            spec:
              definition: ContainerNoPrivilege
              initiative: PSPBaselineStandard
              effect: Block
              enforcementMode: Sometimes
              scope: {namespaces: [Prod_1]}
            """,
            d),
        d);
    assertThat(errors(d).stream().map(x -> x.location().line() + " " + x.code()))
        .containsExactlyInAnyOrder(
            "3 bad-assignment",
            "4 bad-assignment",
            "7 bad-assignment",
            "8 bad-assignment",
            "9 bad-assignment");
  }

  @Test
  void duplicateAssignmentNames_secondIgnored() {
    Diagnostics d = new Diagnostics();
    String a = HEADER + "  definition: ContainerNoPrivilege\n";
    AzurePolicySet set = AzureFixtures.load(AzureFixtures.yaml(a + "---\n" + a, d), d);
    assertThat(errors(d))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("duplicate-assignment");
              assertThat(x.location().toString()).isEqualTo("test.yaml:7");
            });
    assertThat(set.policies().constraints()).hasSize(1);
  }

  @Test
  void twoAssignments_sameDefinition_distinctConstraints() {
    Diagnostics d = new Diagnostics();
    String a = HEADER + "  definition: ContainerNoPrivilege\n";
    AzurePolicySet set =
        AzureFixtures.load(AzureFixtures.yaml(a + "---\n" + a.replace("name: a", "name: b"), d), d);
    assertThat(errors(d)).isEmpty();
    assertThat(set.policies().constraints()).hasSize(2);
    assertThat(set.policies().templates()).hasSize(1);
    assertThat(set.policies().constraints().get(0).name())
        .isNotEqualTo(set.policies().constraints().get(1).name());
  }

  private static Constraint byKind(List<Constraint> cs, String kind) {
    return cs.stream()
        .filter(c -> c.kind().equals(kind))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(kind + " in " + cs.stream().map(Constraint::kind).toList()));
  }
}
