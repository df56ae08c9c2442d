package dev.gatehouse.cli.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retail example (seed 002: L7 HTTP and FQDN policies) and engine profiles through {@link
 * Main#run}: L7 rules in connectivity, {@code --http-*} and {@code --dst-fqdn} in eval and explain,
 * {@code --engine}.
 */
class CiliumCommandsTest {
  private static final String RETAIL = Path.of("../examples/retail").toString();

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static Run inventory(String command, String method, String path, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "-f",
                RETAIL,
                "--src",
                "retail/frontend-app",
                "--dst",
                "retail/inventory-api",
                "--port",
                "8080",
                "--http-method",
                method,
                "--http-path",
                path));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void connectivity_showsL7RulesOnTheirPorts() {
    Run r = run("connectivity", "-f", RETAIL);
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains(
            "retail/frontend-app[Deployment] => retail/inventory-api[Deployment] : TCP 8080 (HTTP GET /api/inventory/.*)\n")
        .contains("retail/frontend-app[Deployment] => *.example.com[FQDN] : TCP 80,443\n");
    assertThat(run("connectivity", "-f", RETAIL, "-o", "json").out())
        .contains("\"conn\": \"TCP 9090 (HTTP POST /process-payment)\"");
  }

  @Test
  void eval_httpRequests_exitCodesAndTheDecidingRule() {
    Run get = inventory("eval", "GET", "/api/inventory/item123");
    assertThat(get.code()).isZero();
    assertThat(get.out())
        .startsWith(
            "allowed: retail/frontend-app[Deployment] => retail/inventory-api[Deployment] TCP 8080\n")
        .contains("  L7: TCP 8080 (HTTP GET /api/inventory/.*)\n")
        .contains(
            "  HTTP GET /api/inventory/item123: allowed - CiliumNetworkPolicy 'retail/protect-inventory-api' Ingress rule #1 admits");
    Run delete = inventory("eval", "DELETE", "/api/inventory/item123");
    assertThat(delete.code()).isEqualTo(1);
    assertThat(delete.out())
        .startsWith("denied: ")
        .contains(
            "HTTP DELETE /api/inventory/item123: denied - CiliumNetworkPolicy 'retail/protect-inventory-api' Ingress rule #1 admits on TCP 8080 only HTTP GET /api/inventory/.*; method DELETE does not match GET");
    assertThat(inventory("eval", "POST", "/api/inventory/item123").code()).isEqualTo(1);
  }

  @Test
  void eval_paymentGateway() {
    String[] base = {
      "eval",
      "-f",
      RETAIL,
      "--src",
      "retail/frontend-app",
      "--dst",
      "retail/payment-gateway",
      "--port",
      "9090",
      "--http-path",
      "/process-payment",
      "--http-method"
    };
    List<String> post = new ArrayList<>(List.of(base));
    post.add("POST");
    List<String> get = new ArrayList<>(List.of(base));
    get.add("GET");
    assertThat(run(post.toArray(String[]::new)).code()).isZero();
    assertThat(run(get.toArray(String[]::new)).code()).isEqualTo(1);
  }

  @Test
  void eval_dstFqdn() {
    assertThat(fqdn("api.example.com", "443").code()).isZero();
    assertThat(fqdn("api.example.com", "443").out())
        .startsWith("allowed: retail/frontend-app[Deployment] => api.example.com[FQDN] TCP 443\n")
        .contains(
            "DNS api.example.com: allowed - CiliumClusterwideNetworkPolicy 'allow-egress-to-example-com' Egress rule #2");
    assertThat(fqdn("example.com", "443").code()).isEqualTo(1);
    assertThat(fqdn("other.org", "443").code()).isEqualTo(1);
    assertThat(fqdn("api.example.com", "22").code()).isEqualTo(1);
  }

  private static Run fqdn(String name, String port) {
    return run(
        "eval", "-f", RETAIL, "--src", "retail/frontend-app", "--dst-fqdn", name, "--port", port);
  }

  @Test
  void explain_showsTheL7FilterAndTheRequestCheck() {
    Run r = inventory("explain", "DELETE", "/api/inventory/item123");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("TCP 8080: DENIED")
        .contains("  L7      (filter)   TCP 8080 (HTTP GET /api/inventory/.*)")
        .contains("  Request (denied)   HTTP DELETE /api/inventory/item123")
        .contains("method DELETE does not match GET  [" + RETAIL + "/policies.yaml:");
    Run json =
        inventory(
            "explain", "GET", "/api/inventory/item123", "--header", "X-Trace: 1", "-o", "json");
    assertThat(json.code()).isZero();
    assertThat(json.out())
        .contains("\"what\" : \"HTTP GET /api/inventory/item123\"")
        .contains("\"policy\" : \"retail/protect-inventory-api\"");
  }

  @Test
  void usageErrors() {
    assertThat(run("eval", "-f", RETAIL, "--src", "retail/frontend-app").code()).isEqualTo(2);
    Run both =
        run(
            "eval",
            "-f",
            RETAIL,
            "--src",
            "retail/frontend-app",
            "--dst",
            "retail/inventory-api",
            "--dst-fqdn",
            "a.com");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("use --dst or --dst-fqdn, not both");
    Run noPort =
        run(
            "eval",
            "-f",
            RETAIL,
            "--src",
            "retail/frontend-app",
            "--dst",
            "retail/inventory-api",
            "--http-method",
            "GET",
            "--http-path",
            "/");
    assertThat(noPort.code()).isEqualTo(2);
    assertThat(noPort.err()).contains("an HTTP request needs --port and TCP");
    assertThat(run("connectivity", "-f", RETAIL, "--engine", "weave").code()).isEqualTo(2);
  }

  @Test
  void engineFlag_decidesWhetherIpBlocksMatchPodIps() throws IOException {
    Path f = dir.resolve("pods.yaml");
    Files.writeString(
        f,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: server, namespace: ns, labels: {app: server}}
        spec: {containers: [{name: c}]}
        status: {podIPs: [{ip: 10.0.0.5}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: ns, labels: {app: client}}
        spec: {containers: [{name: c}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: out, namespace: ns}
        spec:
          podSelector: {matchLabels: {app: client}}
          policyTypes: [Egress]
          egress: [{to: [{ipBlock: {cidr: 10.0.0.0/24}}]}]
        """);
    String[] args = {
      "eval", "-f", f.toString(), "--src", "ns/client", "--dst", "ns/server", "--engine"
    };
    assertThat(run(append(args, "azure-npm")).code()).isZero();
    assertThat(run(append(args, "calico")).code()).isZero();
    assertThat(run(append(args, "cilium")).code()).isEqualTo(1);
    assertThat(run(append(args, "default")).code()).isEqualTo(1);
    assertThat(run("connectivity", "-f", f.toString(), "--engine", "azure-npm").out())
        .contains("ns/client[Pod] => ns/server[Pod] : All Connections");
  }

  private static String[] append(String[] a, String b) {
    List<String> l = new ArrayList<>(List.of(a));
    l.add(b);
    return l.toArray(String[]::new);
  }
}
