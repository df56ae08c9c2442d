package dev.gatehouse.cli.netpol;

import static dev.gatehouse.cli.netpol.NetpolCommandsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cli.netpol.NetpolCommandsTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse generate-cluster}, with and without the admin and Cilium layers. */
class GenerateClusterCommandTest {
  @TempDir Path dir;

  @Test
  void generateCluster_adminAndCilium_writesPoliciesTheAnalysisAccepts() {
    Run g =
        run(
            "generate-cluster",
            "--namespaces",
            "3",
            "--workloads",
            "60",
            "--admin-and-cilium",
            "-o",
            dir.toString());
    assertThat(g.code()).isZero();
    assertThat(g.out())
        .contains("63 workloads")
        .contains("21 admin network policies, 300 CiliumNetworkPolicies");
    assertThat(dir.resolve("admin-policies.yaml")).exists();
    Run c = run("connectivity", "-f", dir.toString(), "--engine", "cilium");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.err()).isEmpty();
    assertThat(c.out()).contains("HTTP GET /api/v1/.*");
  }

  @Test
  void generateCluster_plain_hasNoAdminOrCiliumFiles() throws Exception {
    Run g = run("generate-cluster", "--namespaces", "2", "--workloads", "10", "-o", dir.toString());
    assertThat(g.code()).isZero();
    assertThat(g.out()).endsWith("NetworkPolicies\n");
    try (var files = Files.walk(dir)) {
      assertThat(files.map(Path::toString))
          .noneMatch(p -> p.endsWith("admin-policies.yaml") || p.endsWith("cilium-policies.yaml"));
    }
  }
}
