package dev.gatehouse.cli.policy;

import static dev.gatehouse.cli.policy.CliRun.example;
import static dev.gatehouse.cli.policy.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandsTest {
  static final String BASELINE =
      "Kubernetes cluster pod security baseline standards for Linux-based workloads";

  @Test
  void definitions_table_listsInitiativesThenPolicies() {
    example("baseline-deny.yaml");
    CliRun r = run("policy", "definitions", "--category", "kubernetes");
    assertThat(r.code).as(r.toString()).isZero();
    String[] lines = r.out.split("\n");
    assertThat(lines[0]).startsWith("TYPE").contains("NAME").endsWith("DISPLAY NAME");
    assertThat(lines).hasSize(62);
    assertThat(r.out)
        .containsPattern(
            "Initiative +a8640138-9b0a-4a28-b8cb-1666c838647d +1\\.4\\.0 +Kubernetes +Audit +"
                + BASELINE);
    assertThat(r.out)
        .containsPattern(
            "Policy +95edb821-ddaf-4404-9732-666045e056b4 +9\\.2\\.0 +Kubernetes +Deny +Kubernetes cluster should not allow privileged containers");
    assertThat(run("policy", "definitions", "--category", "Compute").out.split("\n")).hasSize(1);
  }

  @Test
  void definitions_json_initiativesOnly() throws Exception {
    example("baseline-deny.yaml");
    CliRun r = run("policy", "definitions", "--type", "initiative", "-o", "json");
    JsonNode doc = new ObjectMapper().readTree(r.out);
    assertThat(doc).hasSize(5);
    assertThat(doc.findValuesAsText("type")).containsOnly("Initiative");
  }

  @Test
  void show_initiative_parametersAndMembers() {
    example("baseline-deny.yaml");
    CliRun r = run("policy", "show", BASELINE);
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out)
        .contains("Type:           Initiative (BuiltIn)")
        .containsPattern("effect +String +\"Audit\" +audit, Audit, deny, Deny, disabled, Disabled")
        .containsPattern(
            "BlockUsingHostNetwork +6\\.\\*\\.\\* +7\\.0\\.0 \\(pin not available\\) +Kubernetes cluster pods should only use approved host network and port list +allowHostNetwork=false, minPort=0, maxPort=0")
        .containsPattern("NoPrivilegedContainers +9\\.\\*\\.\\* +9\\.2\\.0 ");
    CliRun def = run("policy", "show", "ContainerAllowedImages");
    assertThat(def.out)
        .contains("store container-allowed-images/v2")
        .containsPattern("allowedContainerImagesRegex +String +\\(required\\)");
    assertThat(run("policy", "show", "ContainerNoPrivilege", "-o", "json").out)
        .contains("\"95edb821-ddaf-4404-9732-666045e056b4\"");
    CliRun missing = run("policy", "show", "nothing like this");
    assertThat(missing.code).isEqualTo(3);
    assertThat(missing.err)
        .contains("gatehouse: no definition or initiative named \"nothing like this\"");
  }

  @Test
  void assign_printsTheExampleAssignments() throws Exception {
    assertThat(
            run(
                    "policy",
                    "assign",
                    "--initiative",
                    BASELINE,
                    "--effect",
                    "deny",
                    "--name",
                    "pod-security-baseline")
                .out)
        .isEqualTo(withoutComments(example("baseline-deny.yaml")));
    assertThat(
            run(
                    "policy",
                    "assign",
                    "--initiative",
                    BASELINE,
                    "--effect",
                    "audit",
                    "--name",
                    "pod-security-baseline-audit")
                .out)
        .isEqualTo(withoutComments(example("baseline-audit.yaml")));
    assertThat(
            run(
                    "policy",
                    "assign",
                    "--definition",
                    "Kubernetes cluster containers should only use allowed images",
                    "--effect",
                    "deny",
                    "--name",
                    "allowed-images",
                    "--param",
                    "allowedContainerImagesRegex=^myregistry\\.azurecr\\.io/.+$")
                .out)
        .isEqualTo(withoutComments(example("allowed-images.yaml")));
  }

  @Test
  void assign_scopesExclusionsAndTypedParameters(@TempDir Path dir) throws Exception {
    example("baseline-deny.yaml");
    Path file = dir.resolve("out/assignment.yaml");
    CliRun r =
        run(
            "policy",
            "assign",
            "--definition",
            "ContainerNoPrivilege",
            "--scope",
            "namespaces=prod,team-*",
            "--scope",
            "selector=tier=web",
            "--exclude-namespace",
            "monitoring",
            "--param",
            "excludedContainers=[\"istio-proxy\"]",
            "--enforcement-mode",
            "DoNotEnforce",
            "-O",
            file.toString());
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).isEmpty();
    assertThat(Files.readString(file))
        .contains("name: kubernetes-cluster-should-not-allow-privileged-containers")
        .contains(
            "  scope:\n    namespaces:\n    - prod\n    - team-*\n    labelSelector:\n      matchLabels:\n        tier: web\n")
        .contains(
            "  excludedNamespaces:\n  - kube-system\n  - gatekeeper-system\n  - azure-arc\n  - azure-extensions-usage-system\n  - monitoring\n")
        .contains("  enforcementMode: DoNotEnforce\n")
        .contains("  parameters:\n    excludedContainers:\n    - istio-proxy\n");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).as("no temporary file left").hasSize(1);
    }
  }

  @Test
  void assign_badInput_usageOrLocatedErrors() {
    example("baseline-deny.yaml");
    CliRun r =
        run(
            "policy",
            "assign",
            "--definition",
            "ContainerNoPrivilege",
            "--param",
            "excludedContainer=[]");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err)
        .contains(
            "--param excludedContainer: \"Kubernetes cluster should not allow privileged containers\" has no such parameter");
    r =
        run(
            "policy",
            "assign",
            "--definition",
            "ContainerNoPrivilege",
            "--param",
            "excludedContainers=nginx");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("a Array must be written in JSON");
    r = run("policy", "assign", "--definition", "BlockAdminRolebindings", "--effect", "deny");
    assertThat(r.code).isEqualTo(3);
    assertThat(r.err)
        .contains("<assignment>:")
        .contains("does not allow effect Deny")
        .contains("would not deploy");
    assertThat(r.out).isEmpty();
    r = run("policy", "assign", "--definition", BASELINE);
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("no policy definitions named");
    assertThat(run("policy", "assign", "--definition", "x", "--initiative", "y").code).isEqualTo(2);
  }

  @Test
  void templates_ofAssignments_likeKubectl() {
    CliRun r = run("policy", "templates", "-f", example("baseline-deny.yaml"));
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out.lines().map(l -> l.split(" +")[0]))
        .containsExactly(
            "NAME",
            "k8sazurev2noprivilege",
            "k8sazurev3allowedcapabilities",
            "k8sazurev3blockhostnamespace",
            "k8sazurev4hostfilesystem",
            "k8sazurev4hostnetworkingports");
    assertThat(r.out.lines().skip(1)).allMatch(l -> l.matches("\\S+ +(\\d+[smhdy])+"));
    CliRun all = run("policy", "templates", "-o", "wide");
    assertThat(all.out)
        .contains("k8sazurev2noprivilege")
        .contains("<unknown>")
        .contains("builtin container-no-privilege/v2");
  }

  static String withoutComments(String file) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String l : Files.readAllLines(Path.of(file))) {
      if (!l.startsWith("#")) {
        sb.append(l).append('\n');
      }
    }
    return sb.toString();
  }
}
