package dev.gatehouse.cli.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse lint} end to end: formats, --fail-on, --disable, exit codes. */
class LintCommandTest {
  private static final String SHOP = Path.of("../examples/shop").toString();

  @TempDir Path dir;

  private String input;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** A namespace with workloads and an egress default deny without DNS (NP001, a warning). */
  @BeforeEach
  void writeInput() throws IOException {
    Path f = dir.resolve("in.yaml");
    Files.writeString(
        f,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: cart, namespace: shop}
        spec:
          template:
            metadata: {labels: {app: cart}}
            spec: {containers: [{name: c, image: x}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-all, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        """);
    input = f.toString();
  }

  @Test
  void lint_warningsOnly_exitZeroByDefault_oneWithFailOnWarning() {
    Run r = run("lint", "-f", input);
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "warning  NP001 egress-dns-blocked  " + input + ":13  NetworkPolicy shop/deny-all")
        .contains("1 finding (0 errors, 1 warning, 0 info) in 2 objects");
    assertThat(run("lint", "-f", input, "--fail-on", "warning").code()).isEqualTo(1);
    assertThat(run("lint", "-f", input, "--fail-on", "info").code()).isEqualTo(1);
  }

  @Test
  void lint_disable_byIdOrName() {
    Run byId = run("lint", "-f", input, "--fail-on", "warning", "--disable", "NP001");
    assertThat(byId.code()).isZero();
    assertThat(byId.out()).startsWith("no findings");
    Run byName =
        run("lint", "-f", input, "--fail-on", "warning", "--disable", "egress-dns-blocked,NP012");
    assertThat(byName.code()).isZero();
  }

  @Test
  void lint_usageErrors_exitTwo() {
    Run unknown = run("lint", "-f", input, "--disable", "NP999");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--disable: unknown rule NP999");
    Run failOn = run("lint", "-f", input, "--fail-on", "fatal");
    assertThat(failOn.code()).isEqualTo(2);
    assertThat(failOn.err()).contains("--fail-on must be error, warning or info");
    assertThat(run("lint", "-f", input, "-o", "xml").code()).isEqualTo(2);
  }

  @Test
  void lint_inputErrors_exitThree_theSkippedObjectWasNotLinted() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "kind: Deployment\nmetadata: [\n");
    Run plain = run("lint", "-f", input, "-f", bad.toString());
    assertThat(plain.code()).isEqualTo(3);
    assertThat(plain.err()).contains("bad.yaml:2").contains("were skipped");
    Run strict = run("lint", "-f", input, "-f", bad.toString(), "--strict");
    assertThat(strict.code()).isEqualTo(3);
    assertThat(strict.err()).contains("bad.yaml");
  }

  @Test
  void lint_machineFormats() throws IOException {
    JsonNode sarif = new ObjectMapper().readTree(run("lint", "-f", input, "-o", "sarif").out());
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.path("runs").get(0).path("results").get(0).path("ruleId").asText())
        .isEqualTo("NP001");
    JsonNode json = new ObjectMapper().readTree(run("lint", "-f", input, "-o", "json").out());
    assertThat(json.path("findings").get(0).path("line").asInt()).isEqualTo(13);
    assertThat(run("lint", "-f", input, "-o", "junit", "--fail-on", "warning").out())
        .startsWith("<?xml")
        .contains("<failure type=\"warning\"");
    Path out = dir.resolve("report.sarif");
    assertThat(run("lint", "-f", input, "-o", "sarif", "-O", out.toString()).out()).isEmpty();
    assertThat(Files.readString(out)).contains("\"ruleId\" : \"NP001\"");
  }

  @Test
  void lint_engineProfile() throws IOException {
    Path pod = dir.resolve("pod.yaml");
    Files.writeString(
        pod,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop, labels: {app: api}}
        spec: {containers: [{name: c, image: x}]}
        status: {podIP: 10.244.0.7}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: to-api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: cart}}
          policyTypes: [Egress]
          egress:
          - to: [{ipBlock: {cidr: 10.244.0.0/16}}]
        """);
    assertThat(run("lint", "-f", pod.toString()).out()).contains("NP007").doesNotContain("NP015");
    assertThat(run("lint", "-f", pod.toString(), "--engine", "cilium").out())
        .contains("NP015")
        .doesNotContain("NP007");
    assertThat(run("lint", "-f", pod.toString(), "--engine", "bogus").code()).isEqualTo(2);
  }

  @Test
  void lint_shopExample_hasNoErrors() {
    Run r = run("lint", "-f", SHOP);
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("(0 errors,");
  }
}
