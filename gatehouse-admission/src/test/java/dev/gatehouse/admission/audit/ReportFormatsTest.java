package dev.gatehouse.admission.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gatehouse.kube.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Golden outputs of every report format for one audit (two assignments, a plain constraint, pods, a
 * workload and a Namespace). On a mismatch the actual output is written to {@code
 * target/golden/actual_<name>}; run with {@code -Dgolden.update=true} to accept it.
 */
class ReportFormatsTest {
  static final String CLUSTER =
      """
      apiVersion: gatehouse.dev/v1alpha1
      kind: PolicyAssignment
      metadata: {name: baseline}
      spec:
        initiative: Kubernetes cluster pod security baseline standards for Linux-based workloads
      ---
      apiVersion: gatehouse.dev/v1alpha1
      kind: PolicyAssignment
      metadata: {name: allowed-images}
      spec:
        definition: Kubernetes cluster containers should only use allowed images
        effect: Deny
        parameters:
          allowedContainerImagesRegex: ^myregistry\\.azurecr\\.io/.+$
          source: All
      ---
      """
          + AuditorTest.LABEL_TEMPLATE
          + """
          apiVersion: constraints.gatekeeper.sh/v1beta1
          kind: NeedOwner
          metadata: {name: namespaces-need-owner}
          spec:
            match:
              kinds: [{apiGroups: [""], kinds: [Namespace]}]
          ---
          apiVersion: v1
          kind: Namespace
          metadata: {name: shop}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: nginx-privileged, namespace: shop, uid: 1234}
          spec:
            containers:
            - name: nginx-privileged
              image: mcr.microsoft.com/oss/nginx/nginx:1.15.5-alpine
              securityContext: {privileged: true}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: good, namespace: shop}
          spec:
            containers: [{name: app, image: myregistry.azurecr.io/app:1}]
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            template:
              spec:
                containers: [{name: web, image: "x\\"<y>&z"}]
          """;

  static AuditReport report() {
    Diagnostics d = new Diagnostics();
    return AuditorTest.audit(dev.gatehouse.kube.KubeLoader.parse(CLUSTER, "cluster.yaml", d), d);
  }

  @Test
  void json_golden() throws IOException {
    golden("report.json", json(AuditDocument.of(report())));
  }

  @Test
  void openReports_golden_andCapped() throws IOException {
    AuditReport r = report();
    List<Map<String, Object>> reports = PolicyReports.of(r, PolicyReports.Flavor.OPENREPORTS, 100);
    golden("openreports.yaml", yaml(reports));
    assertThat(reports)
        .extracting(m -> m.get("kind"))
        .containsExactly("Report", "Report", "ClusterReport");
    Map<String, Object> capped = PolicyReports.of(r, PolicyReports.Flavor.OPENREPORTS, 2).get(1);
    assertThat((List<?>) capped.get("results")).hasSize(2);
    assertThat(capped.get("summary")).isEqualTo(reports.get(1).get("summary"));
    assertThat(capped.get("summary").toString())
        .isEqualTo("{fail=1, warn=1, error=0, pass=10, skip=0}");
    assertThat(((Map<?, ?>) capped.get("metadata")).get("annotations"))
        .isEqualTo(Map.of("gatehouse.dev/total-results", "12"));
    List<Object> outcomes =
        ((List<?>) capped.get("results"))
            .stream().map(x -> (Object) ((Map<?, ?>) x).get("result")).toList();
    assertThat(outcomes).containsExactly("fail", "warn");
  }

  @Test
  void policyReport_golden() throws IOException {
    List<Map<String, Object>> reports =
        PolicyReports.of(report(), PolicyReports.Flavor.POLICYREPORT, 100);
    golden("policyreport.yaml", yaml(reports));
    assertThat(reports)
        .extracting(m -> m.get("kind"))
        .containsExactly("PolicyReport", "PolicyReport", "ClusterPolicyReport");
    assertThat(reports.get(0)).doesNotContainKeys("source", "configuration");
  }

  @Test
  void sarif_golden() throws IOException {
    Map<String, Object> log = SarifReport.of(report(), "test");
    golden("report.sarif", json(log));
  }

  @Test
  void junit_golden() throws IOException {
    String xml = JUnitReport.of(report());
    golden("report.junit.xml", xml);
    assertThat(xml).contains("tests=\"14\" failures=\"4\" errors=\"0\"");
  }

  static String json(Object doc) throws IOException {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc)
        + "\n";
  }

  static String yaml(List<?> docs) {
    StringBuilder sb = new StringBuilder();
    Dump dump = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build());
    docs.forEach(doc -> sb.append("---\n").append(dump.dumpToString(doc)));
    return sb.toString();
  }

  static void golden(String name, String actual) throws IOException {
    Path golden = Path.of("src/test/resources/dev/gatehouse/admission/audit/golden", name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "";
    if (!expected.equals(actual)) {
      Path out = Path.of("target/golden/actual_" + name);
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as("golden %s (actual output in target/golden/actual_%s)", name, name)
        .isEqualTo(expected);
  }
}
