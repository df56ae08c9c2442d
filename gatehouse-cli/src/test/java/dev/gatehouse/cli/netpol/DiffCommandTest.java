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

/** {@code gatehouse diff} end to end: output, summary, {@code --exit-code}, input problems. */
class DiffCommandTest {
  private static final String RETAIL = Path.of("../examples/retail").toString();

  @TempDir Path dir;
  private Path withoutInventoryPolicy;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** The retail example without its inventory policy (the first document of policies.yaml). */
  @BeforeEach
  void writeChangedCopy() throws IOException {
    withoutInventoryPolicy = dir.resolve("retail-changed");
    Files.createDirectories(withoutInventoryPolicy);
    for (String f : new String[] {"namespaces.yaml", "workloads.yaml"}) {
      Files.copy(Path.of(RETAIL, f), withoutInventoryPolicy.resolve(f));
    }
    String policies = Files.readString(Path.of(RETAIL, "policies.yaml"));
    assertThat(policies).contains("name: protect-inventory-api");
    String rest = policies.substring(policies.indexOf("\n---\n") + 5);
    assertThat(rest).doesNotContain("protect-inventory-api");
    Files.writeString(withoutInventoryPolicy.resolve("policies.yaml"), rest);
  }

  @Test
  void diff_sameInputs_isEmptyAndExitsZero() {
    Run r = run("diff", "--base", RETAIL, "--new", RETAIL, "--exit-code");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo("diff: 0 added, 0 removed, 0 changed; newly isolated: ingress 0, egress 0\n");
  }

  @Test
  void diff_changedPolicies_printsTheDiffAndExitsOneWithExitCode() {
    Run r =
        run("diff", "--base", RETAIL, "--new", withoutInventoryPolicy.toString(), "--exit-code");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith(
            "Connectivity diff:\n"
                + "diff-type: changed, source: retail/frontend-app[Deployment], destination:"
                + " retail/inventory-api[Deployment], ref1: TCP 8080 (HTTP GET /api/inventory/.*),"
                + " ref2: TCP 8080\n");
    assertThat(r.out().lines()).hasSize(4);
    assertThat(r.err())
        .isEqualTo("diff: 2 added, 0 removed, 1 changed; newly isolated: ingress 0, egress 0\n");
    Run plain = run("diff", "--base", RETAIL, "--new", withoutInventoryPolicy.toString());
    assertThat(plain.code()).isZero();
    assertThat(plain.out()).isEqualTo(r.out());
  }

  @Test
  void diff_json_carriesTheSummary() throws IOException {
    Run r = run("diff", "--base", withoutInventoryPolicy.toString(), "--new", RETAIL, "-o", "json");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("entries")).hasSize(3);
    assertThat(json.get("entries").get(0).get("diffType").asText()).isEqualTo("changed");
    assertThat(json.get("summary").get("removed").asInt()).isEqualTo(2);
    assertThat(json.get("summary").get("newlyIsolated").get("ingress").get(0).asText())
        .isEqualTo("retail/inventory-api[Deployment]");
  }

  @Test
  void diff_missingPath_isAnErrorNamingTheSide() {
    Run r = run("diff", "--base", RETAIL, "--new", dir.resolve("nope").toString(), "--exit-code");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("gatehouse: new: " + dir.resolve("nope"))
        .contains("gatehouse: --new: input path not found");
  }

  @Test
  void diff_badDocument_isReportedWithFileAndLineAndStrictFails() throws IOException {
    Path bad = withoutInventoryPolicy.resolve("broken.yaml");
    Files.writeString(bad, "apiVersion: v1\nkind: Pod\nmetadata: {name: x\n");
    Run r = run("diff", "--base", RETAIL, "--new", withoutInventoryPolicy.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).containsPattern("gatehouse: new: .*broken.yaml:\\d+: ");
    assertThat(r.out()).startsWith("Connectivity diff:\n");
    Run strict =
        run("diff", "--base", RETAIL, "--new", withoutInventoryPolicy.toString(), "--strict");
    assertThat(strict.code()).isEqualTo(3);
    assertThat(strict.err()).contains("--strict: the new input has problems");
  }

  @Test
  void diff_unknownFormat_isAUsageError() {
    assertThat(run("diff", "--base", RETAIL, "--new", RETAIL, "-o", "yaml").code()).isEqualTo(2);
  }
}
