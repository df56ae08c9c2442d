package dev.gatehouse.cli.rego;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegoCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void eval_query_printsOpaJson() throws IOException {
    Path policy =
        Files.writeString(
            dir.resolve("p.rego"), "package k8s\n\ndeny[m] { input.x > 1; m := \"big\" }\n");
    Path input = Files.writeString(dir.resolve("in.json"), "{\"x\": 2}");
    Run r = run("rego", "eval", "-d", policy.toString(), "-i", input.toString(), "data.k8s.deny");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            {
              "result": [
                {
                  "expressions": [
                    {
                      "location": {
                        "col": 1,
                        "row": 1
                      },
                      "text": "data.k8s.deny",
                      "value": [
                        "big"
                      ]
                    }
                  ]
                }
              ]
            }
            """);
  }

  @Test
  void eval_bindingsAndData_areReported() throws IOException {
    Path data = Files.writeString(dir.resolve("d.json"), "{\"limits\": {\"max\": 3}}");
    Run r = run("rego", "eval", "--data", data.toString(), "x := data.limits.max");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"bindings\": {\n        \"x\": 3\n      }");
  }

  @Test
  void eval_undefined_printsEmptyObject() {
    Run r = run("rego", "eval", "data.nothing.here");
    assertThat(r.code()).isZero();
    assertThat(r.out().trim()).isEqualTo("{}");
  }

  @Test
  void eval_parseError_exitsWithErrorAndLocation() throws IOException {
    Path policy = Files.writeString(dir.resolve("bad.rego"), "package x\n\np {\n");
    Run r = run("rego", "eval", "-d", policy.toString(), "data.x.p");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("bad.rego:").contains("rego_parse_error");
  }

  @Test
  void test_passAndFail_reportedWithExitCode() throws IOException {
    Files.writeString(
        dir.resolve("t.rego"),
        """
        package t

        violation[m] { input.bad; m := "bad" }

        test_detects { count(violation) == 1 with input as {"bad": true} }
        test_clean { count(violation) == 0 with input as {"bad": false} }
        test_wrong { count(violation) == 2 with input as {"bad": true} }
        """);
    Run r = run("rego", "test", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("PASS data.t.test_clean")
        .contains("PASS data.t.test_detects")
        .contains("FAIL data.t.test_wrong")
        .endsWith("2 passed, 1 failed\n");
  }

  @Test
  void test_allPass_exitsZero() throws IOException {
    Files.writeString(dir.resolve("ok.rego"), "package ok\n\ntest_one { 1 + 1 == 2 }\n");
    Run r = run("rego", "test", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("PASS data.ok.test_one\n1 passed, 0 failed\n");
  }

  @Test
  void eval_missingQuery_isUsageError() {
    assertThat(run("rego", "eval").code()).isEqualTo(2);
  }
}
