package dev.gatehouse.netpol.cilium;

import static dev.gatehouse.netpol.cilium.CiliumFixture.http;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.netpol.Pipeline;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.Endpoint;
import dev.gatehouse.netpol.engine.Verdict;
import dev.gatehouse.netpol.output.ConnectivityWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed's retail example ({@code examples/retail}) through the real loader and engine. */
class RetailExampleTest {
  private static CompiledNetwork net;
  private static Endpoint inventory;
  private static Endpoint payment;

  @BeforeAll
  static void load() {
    Diagnostics d = new Diagnostics();
    net = Pipeline.fromPaths(d, "../examples/retail");
    assertThat(d.all()).isEmpty();
    inventory = net.resolve("retail/inventory-api").orElseThrow();
    payment = net.resolve("retail/payment-gateway").orElseThrow();
  }

  private static Verdict toInventory(String method, String path) {
    return CiliumFixture.explain(net, "retail/frontend-app", inventory, 8080, http(method, path));
  }

  private static Verdict toName(String name, int port) {
    return CiliumFixture.explain(
        net, "retail/frontend-app", new Endpoint.OfName(name), port, Optional.empty());
  }

  @Test
  void frontendGetInventoryItem_isAllowedByTheInventoryPolicy() {
    Verdict v = toInventory("GET", "/api/inventory/item123");
    assertThat(v.allowed()).isTrue();
    assertThat(v.checks().getFirst().reasons().getFirst().origin().orElseThrow().policy())
        .isEqualTo("retail/protect-inventory-api");
  }

  @Test
  void frontendDeleteOrPostToInventory_isDenied() {
    assertThat(toInventory("DELETE", "/api/inventory/item123").allowed()).isFalse();
    assertThat(toInventory("POST", "/api/inventory/item123").allowed()).isFalse();
    assertThat(toInventory("GET", "/admin").allowed()).isFalse();
  }

  @Test
  void paymentGateway_acceptsOnlyPostProcessPayment() {
    Verdict post =
        CiliumFixture.explain(
            net, "retail/frontend-app", payment, 9090, http("POST", "/process-payment"));
    Verdict get =
        CiliumFixture.explain(
            net, "retail/frontend-app", payment, 9090, http("GET", "/process-payment"));
    assertThat(post.allowed()).isTrue();
    assertThat(get.allowed()).isFalse();
    assertThat(get.checks().getFirst().reasons().getFirst().origin().orElseThrow().policy())
        .isEqualTo("retail/protect-payment-gateway");
  }

  @Test
  void otherWorkloads_cannotReachTheBackends() {
    Verdict v =
        CiliumFixture.explain(
            net, "retail/payment-gateway", inventory, 8080, http("GET", "/api/inventory/x"));
    assertThat(v.allowed()).isFalse();
  }

  @Test
  void egressToExampleComSubdomains_onlyOn80And443() {
    assertThat(toName("api.example.com", 443).allowed()).isTrue();
    assertThat(toName("www.example.com", 80).allowed()).isTrue();
    assertThat(toName("example.com", 443).allowed()).isFalse();
    assertThat(toName("other.org", 443).allowed()).isFalse();
    assertThat(toName("api.example.com", 22).allowed()).isFalse();
  }

  @Test
  void connectivity_showsTheL7RulesAndTheFqdnPeer() {
    String out = ConnectivityWriter.render(ConnectivityAnalysis.run(net), OutputFormat.TXT);
    assertThat(out)
        .contains(
            "retail/frontend-app[Deployment] => retail/inventory-api[Deployment] : TCP 8080 (HTTP GET /api/inventory/.*)")
        .contains(
            "retail/frontend-app[Deployment] => retail/payment-gateway[Deployment] : TCP 9090 (HTTP POST /process-payment)")
        .contains("retail/frontend-app[Deployment] => *.example.com[FQDN] : TCP 80,443")
        .contains(
            "retail/frontend-app[Deployment] => kube-system/coredns[Deployment] : TCP 53 (DNS *),UDP 53 (DNS *)")
        .doesNotContain("retail/payment-gateway[Deployment] => retail/inventory-api");
  }
}
