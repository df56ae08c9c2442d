package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.compile.PolicyCompiler;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.EngineOptions;
import dev.gatehouse.netpol.engine.EngineProfile;
import dev.gatehouse.netpol.engine.NetworkEngine;
import dev.gatehouse.netpol.model.AdminNetworkPolicy;
import dev.gatehouse.netpol.model.AdminPolicyParser;
import dev.gatehouse.netpol.output.ConnectivityWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import dev.gatehouse.netpol.reference.ReferenceEvaluator;
import dev.gatehouse.netpol.synth.ClusterGenerator;
import dev.gatehouse.netpol.synth.GeneratedCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterGeneratorTest {
  private static final ClusterGenerator.Options SMALL = new ClusterGenerator.Options(4, 60, 7);

  @Test
  void generate_sameSeed_sameFiles() {
    assertThat(ClusterGenerator.generate(SMALL).files())
        .isEqualTo(ClusterGenerator.generate(SMALL).files());
    assertThat(ClusterGenerator.generate(new ClusterGenerator.Options(4, 60, 8)).files())
        .isNotEqualTo(ClusterGenerator.generate(SMALL).files());
  }

  @Test
  void generate_counts_matchTheManifests() {
    GeneratedCluster c = ClusterGenerator.generate(SMALL);
    Diagnostics d = new Diagnostics();
    ClusterSnapshot snapshot = c.snapshot(d);
    assertThat(d.hasProblems()).as("%s", d.all()).isFalse();
    assertThat(snapshot.workloads()).hasSize(c.workloads()).hasSize(60 + 3);
    assertThat(snapshot.namespaces()).hasSize(c.namespaces()).hasSize(4 + 3);
    assertThat(ReferenceEvaluator.policiesOf(snapshot, d)).hasSize(c.policies());
    assertThat(c.policies()).isBetween(60 / 4 + 4 * 3, 60 / 2 + 4 * 3 + 2);
    assertThat(c.files()).containsKeys("namespaces.yaml", "kube-system/workloads.yaml");
  }

  @Test
  void generate_microsegmented_engineEqualsReference() {
    Diagnostics d = new Diagnostics();
    ClusterSnapshot snapshot = ClusterGenerator.generate(SMALL).snapshot(d);
    CompiledNetwork net = NetworkEngine.compile(snapshot, PolicyCompiler.compile(snapshot, d), d);
    String engine = ConnectivityWriter.render(ConnectivityAnalysis.run(net), OutputFormat.TXT);
    String reference =
        ConnectivityWriter.render(
            ReferenceEvaluator.of(snapshot, d).connectivity(net), OutputFormat.TXT);
    assertThat(engine).isEqualTo(reference);
    List<String> lines = List.of(engine.split("\n"));
    assertThat(lines)
        .anyMatch(l -> l.matches(".*-web\\[Deployment\\] => .*-api\\[Deployment\\] : TCP 9000"))
        .anyMatch(
            l -> l.matches(".*-api\\[Deployment\\] => .*-db\\[StatefulSet\\] : TCP (5432|6379)"))
        .anyMatch(l -> l.contains("=> kube-system/coredns[Deployment] : TCP 53,UDP 53"))
        .anyMatch(
            l -> l.startsWith("monitoring/prometheus[StatefulSet] => ") && l.endsWith(": TCP 9090"))
        .anyMatch(l -> l.contains("[External] : TCP 443"))
        .noneMatch(l -> l.matches(".*-web\\[Deployment\\] => .*-db\\[StatefulSet\\].*"));
  }

  @Test
  void generate_adminAndCilium_validPoliciesThatSelectWorkloads() {
    GeneratedCluster c = ClusterGenerator.generate(new ClusterGenerator.Options(10, 1000, 7, true));
    assertThat(c.adminPolicies()).isEqualTo(21);
    assertThat(c.ciliumPolicies()).isEqualTo(300);
    Diagnostics d = new Diagnostics();
    ClusterSnapshot snapshot = c.snapshot(d);
    CompiledNetwork net =
        NetworkEngine.compile(
            snapshot,
            PolicyCompiler.compile(snapshot, d),
            d,
            EngineOptions.of(EngineProfile.CILIUM));
    assertThat(d.hasProblems()).as("%s", d.all()).isFalse();
    List<KubeObject> anps = snapshot.othersOfKind(List.of("AdminNetworkPolicy"));
    List<KubeObject> banps = snapshot.othersOfKind(List.of("BaselineAdminNetworkPolicy"));
    List<KubeObject> cnps = snapshot.othersOfKind(List.of("CiliumNetworkPolicy"));
    assertThat(anps).hasSize(20);
    assertThat(banps).hasSize(1);
    assertThat(cnps).hasSize(300);
    assertThat(anps.stream().map(o -> o.body().at("/spec/priority").asInt()).distinct())
        .hasSize(20);
    assertThat(
            anps.stream()
                .flatMap(o -> Stream.of("ingress", "egress").map(o.body().path("spec")::path))
                .flatMap(rules -> rules.findValuesAsText("action").stream())
                .distinct())
        .containsExactlyInAnyOrder("Allow", "Deny", "Pass");
    assertThat(cnps).anyMatch(o -> o.body().toString().contains("\"http\""));
    assertThat(cnps).anyMatch(o -> o.body().toString().contains("\"toFQDNs\""));
    for (KubeObject o : anps) {
      AdminNetworkPolicy.Subject s = AdminPolicyParser.parseAdmin(o, d).orElseThrow().subject();
      assertThat(snapshot.workloads()).as(o.name()).anyMatch(w -> selects(snapshot, s, w));
    }
    AdminNetworkPolicy.Subject baseline =
        AdminPolicyParser.parseBaseline(banps.getFirst(), d).orElseThrow().subject();
    assertThat(snapshot.workloads()).anyMatch(w -> selects(snapshot, baseline, w));
    for (KubeObject o : cnps) {
      Map<String, String> labels =
          KubeObject.stringMap(o.body().at("/spec/endpointSelector/matchLabels"));
      assertThat(snapshot.workloads())
          .as(o.name())
          .anyMatch(
              w ->
                  w.namespace().equals(o.namespace())
                      && LabelSelector.of(labels).matches(w.labels()));
    }
    String txt = ConnectivityWriter.render(ConnectivityAnalysis.run(net), OutputFormat.TXT);
    assertThat(txt).contains("HTTP GET /api/v1/.*").contains("cdn.example.com");
  }

  private static boolean selects(
      ClusterSnapshot snapshot, AdminNetworkPolicy.Subject s, Workload w) {
    return s.namespaceSelector().matches(snapshot.namespace(w.namespace()).labels())
        && s.podSelector().matches(w.labels());
  }

  @Test
  void writeTo_directory_writesEveryFileAndNoTemporaries(@TempDir Path dir) throws IOException {
    GeneratedCluster c = ClusterGenerator.generate(SMALL);
    c.writeTo(dir);
    c.writeTo(dir);
    List<String> written = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile).forEach(p -> written.add(dir.relativize(p).toString()));
    }
    assertThat(written).containsExactlyInAnyOrderElementsOf(c.files().keySet());
    for (Map.Entry<String, String> e : c.files().entrySet()) {
      assertThat(Files.readString(dir.resolve(e.getKey()))).isEqualTo(e.getValue());
    }
  }

  @Test
  void options_fewerWorkloadsThanNamespaces_rejected() {
    assertThatThrownBy(() -> new ClusterGenerator.Options(5, 4, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least the number of namespaces");
  }
}
