package dev.gatehouse.cli.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network commands end to end through {@link Main#run}: output, exit codes, errors. */
class NetpolCommandsTest {
  private static final String SHOP = Path.of("../examples/shop").toString();

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void connectivity_listsAllowedConnections() {
    Run r = run("connectivity", "-f", SHOP);
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("web/frontend[Deployment] => shop/checkout[Deployment] : TCP 5050\n")
        .contains("shop/checkout[Deployment] => shop/cart[Deployment] : TCP 7070\n")
        .contains("shop/cart[Deployment] => shop/redis[StatefulSet] : TCP 6379\n")
        .doesNotContain("web/frontend[Deployment] => shop/cart");
  }

  @Test
  void connectivity_otherFormats() {
    assertThat(run("connectivity", "-f", SHOP, "-o", "json").out())
        .startsWith("[\n  {\n    \"src\": ");
    assertThat(run("connectivity", "-f", SHOP, "-o", "csv").out()).startsWith("src,dst,conn\n");
    assertThat(run("connectivity", "-f", SHOP, "-o", "md").out())
        .startsWith("| src | dst | conn |");
    assertThat(run("connectivity", "-f", SHOP, "-o", "dot").out())
        .startsWith("digraph {")
        .contains("cluster_shop[namespace]");
  }

  @Test
  void connectivity_focusWorkload() {
    Run r = run("connectivity", "-f", SHOP, "--focus-workload", "shop/redis");
    assertThat(r.out().strip().lines()).allMatch(l -> l.contains("shop/redis[StatefulSet]"));
  }

  @Test
  void eval_exitCodes() {
    assertThat(
            run(
                    "eval",
                    "-f",
                    SHOP,
                    "--src",
                    "shop/checkout",
                    "--dst",
                    "shop/cart",
                    "--port",
                    "7070")
                .code())
        .isZero();
    Run denied =
        run("eval", "-f", SHOP, "--src", "web/frontend", "--dst", "shop/cart", "--port", "7070");
    assertThat(denied.code()).isEqualTo(1);
    assertThat(denied.out())
        .startsWith("denied: web/frontend[Deployment] => shop/cart[Deployment] TCP 7070");
    assertThat(
            run("eval", "-f", SHOP, "--src", "shop/checkout", "--dst", "8.8.8.8", "--port", "443")
                .code())
        .isZero();
    assertThat(
            run("eval", "-f", SHOP, "--src", "shop/checkout", "--dst", "10.1.2.3", "--port", "443")
                .code())
        .isEqualTo(1);
  }

  @Test
  void explain_namesTheImplicitDefaultDenyAndItsLine() {
    Run r =
        run("explain", "-f", SHOP, "--src", "web/frontend", "--dst", "shop/cart", "--port", "7070");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("TCP 7070: DENIED")
        .contains(
            "NetworkPolicy shop/default-deny selects shop/cart[Deployment]; no ingress rule of a policy selecting it admits web/frontend[Deployment]")
        .contains("policies.yaml:6]");
  }

  @Test
  void explain_allowedNamesTheRule() {
    Run r =
        run(
            "explain",
            "-f",
            SHOP,
            "--src",
            "shop/cart",
            "--dst",
            "shop/redis",
            "--port",
            "6379",
            "-o",
            "json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("\"policy\" : \"shop/redis-from-cart\"")
        .contains("\"rule\" : \"Ingress rule #1\"");
  }

  @Test
  void badInput_isReportedWithFileAndLine_validDocumentsStillUsed() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(
        f,
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n---\nkind: [\n---\n"
            + "apiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {containers: [{name: c}]}\n");
    Run r = run("connectivity", "-f", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err())
        .contains("gatehouse: " + f + ":6: YAML syntax error")
        .doesNotContain("Exception");
    assertThat(r.out()).contains("default/a[Pod] => default/b[Pod] : All Connections");
    Run strict = run("connectivity", "--strict", "-f", f.toString());
    assertThat(strict.code()).isEqualTo(3);
  }

  @Test
  void usageErrors_exit2_missingFile_exit3_neverAStackTrace() {
    assertThat(run("connectivity", "-f", SHOP, "-o", "xml").code()).isEqualTo(2);
    assertThat(run("connectivity").code()).isEqualTo(2);
    Run unknown = run("eval", "-f", SHOP, "--src", "shop/nope", "--dst", "shop/cart");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--src shop/nope: no such workload");
    Run missing = run("connectivity", "-f", dir.resolve("absent").toString());
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).contains("no such file or directory").doesNotContain("\tat ");
  }
}
