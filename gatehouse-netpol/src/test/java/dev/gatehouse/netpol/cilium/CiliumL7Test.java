package dev.gatehouse.netpol.cilium;

import static dev.gatehouse.netpol.cilium.CiliumFixture.cnp;
import static dev.gatehouse.netpol.cilium.CiliumFixture.conn;
import static dev.gatehouse.netpol.cilium.CiliumFixture.explain;
import static dev.gatehouse.netpol.cilium.CiliumFixture.http;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.Endpoint;
import dev.gatehouse.netpol.engine.Reason;
import dev.gatehouse.netpol.engine.RequestCheck;
import dev.gatehouse.netpol.engine.Verdict;
import dev.gatehouse.netpol.l7.HttpRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cilium L7 HTTP rules through connectivity and explain. */
class CiliumL7Test {
  private static final String GET_API =
      "- fromEndpoints: [{matchLabels: {app: web}}]\n"
          + "  toPorts:\n"
          + "  - ports: [{port: \"8080\", protocol: TCP}]\n"
          + "    rules: {http: [{method: GET, path: \"/api/.*\"}]}";

  private static String apiIngress(String name, String rules) {
    return cnp(name, "shop", "endpointSelector: {matchLabels: {app: api}}\ningress:\n" + rules);
  }

  @Test
  void http_connectivityShowsTheRulesOnThePort() {
    assertThat(conn(apiIngress("l7", GET_API), "shop/web", "shop/api"))
        .isEqualTo("TCP 8080 (HTTP GET /api/.*)");
  }

  @Test
  void http_rulesOfSeveralPoliciesOnOnePortAreOred() {
    String p =
        apiIngress("l7", GET_API)
            + apiIngress(
                "l7b",
                "- fromEndpoints: [{matchLabels: {app: web}}]\n  toPorts:\n"
                    + "  - ports: [{port: \"8080\", protocol: TCP}]\n"
                    + "    rules: {http: [{method: POST, path: /submit}]}");
    assertThat(conn(p, "shop/web", "shop/api"))
        .isEqualTo("TCP 8080 (HTTP GET /api/.* | HTTP POST /submit)");
  }

  @Test
  void http_anL4OnlyAllowOnTheSamePortAndPeerMakesTheL7RulesIneffective() {
    String p =
        apiIngress("l7", GET_API)
            + apiIngress(
                "l4",
                "- fromEndpoints: [{matchLabels: {app: web}}]\n"
                    + "  toPorts: [{ports: [{port: \"8080\", protocol: TCP}]}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("TCP 8080");
  }

  @Test
  void http_anL4OnlyAllowForAnotherPeerLeavesTheL7RulesInForce() {
    String p =
        apiIngress("l7", GET_API)
            + apiIngress(
                "l4",
                "- fromEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: other}}]\n"
                    + "  toPorts: [{ports: [{port: \"8080\", protocol: TCP}]}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("TCP 8080 (HTTP GET /api/.*)");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("TCP 8080");
  }

  @Test
  void http_onlyTheEntryWithRulesIsFiltered() {
    String p =
        apiIngress(
            "l7",
            "- fromEndpoints: [{matchLabels: {app: web}}]\n  toPorts:\n"
                + "  - ports: [{port: \"8080\", protocol: TCP}]\n"
                + "    rules: {http: [{method: GET}]}\n"
                + "  - ports: [{port: \"9090\", protocol: TCP}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("TCP 9090,TCP 8080 (HTTP GET)");
  }

  @Test
  void http_bothSidesFilter_requestsMustPassBoth() {
    String p =
        apiIngress("l7", GET_API)
            + cnp(
                "web-out",
                "shop",
                "endpointSelector: {matchLabels: {app: web}}\negress:\n"
                    + "- toEndpoints: [{matchLabels: {app: api}}]\n  toPorts:\n"
                    + "  - ports: [{port: \"8080\", protocol: TCP}]\n"
                    + "    rules: {http: [{path: \"/api/v1/.*\"}]}");
    assertThat(conn(p, "shop/web", "shop/api"))
        .isEqualTo("TCP 8080 (HTTP /api/v1/.*) and (HTTP GET /api/.*)");
    CompiledNetwork net = CiliumFixture.net(p);
    Endpoint api = net.resolve("shop/api").orElseThrow();
    assertThat(explain(net, "shop/web", api, 8080, http("GET", "/api/v1/items")).allowed())
        .isTrue();
    assertThat(explain(net, "shop/web", api, 8080, http("GET", "/api/v2/items")).allowed())
        .isFalse();
  }

  @Test
  void http_aSubjectThatIsNotIsolatedIsNotFiltered() {
    String p =
        cnp(
            "l7",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\nenableDefaultDeny: {ingress: false}\n"
                + "ingress:\n"
                + GET_API);
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("All Connections");
  }

  @Test
  void http_explainNamesThePolicyAndRuleThatAllowedOrDenied() {
    CompiledNetwork net = CiliumFixture.net(apiIngress("l7", GET_API));
    Endpoint api = net.resolve("shop/api").orElseThrow();
    Verdict ok = explain(net, "shop/web", api, 8080, http("GET", "/api/items"));
    assertThat(ok.allowed()).isTrue();
    RequestCheck c = ok.checks().getFirst();
    assertThat(c.what()).isEqualTo("HTTP GET /api/items");
    assertThat(c.reasons().getFirst().text())
        .isEqualTo(
            "CiliumNetworkPolicy 'shop/l7' Ingress rule #1 admits GET /api/items on TCP 8080 (HTTP GET /api/.*)");
    assertThat(ok.l7()).hasSize(1);
    Verdict no = explain(net, "shop/web", api, 8080, http("DELETE", "/api/items"));
    assertThat(no.allowed()).isFalse();
    Reason r = no.checks().getFirst().reasons().getFirst();
    assertThat(r.effect()).isEqualTo(Reason.Effect.DENY);
    assertThat(r.origin().orElseThrow().policy()).isEqualTo("shop/l7");
    assertThat(r.text()).contains("method DELETE does not match GET");
  }

  @Test
  void http_pathIsMatchedAsAWholeIncludingTheQuery() {
    CompiledNetwork net =
        CiliumFixture.net(
            apiIngress(
                "l7",
                "- toPorts:\n  - ports: [{port: \"8080\", protocol: TCP}]\n"
                    + "    rules: {http: [{path: /public}]}"));
    Endpoint api = net.resolve("shop/api").orElseThrow();
    assertThat(explain(net, "shop/web", api, 8080, http("GET", "/public")).allowed()).isTrue();
    assertThat(explain(net, "shop/web", api, 8080, http("GET", "/public/x")).allowed()).isFalse();
    assertThat(explain(net, "shop/web", api, 8080, http("GET", "/public?x=1")).allowed()).isFalse();
  }

  @Test
  void http_headersMustBePresentWithTheirValue() {
    CompiledNetwork net =
        CiliumFixture.net(
            apiIngress(
                "l7",
                "- toPorts:\n  - ports: [{port: \"8080\", protocol: TCP}]\n"
                    + "    rules: {http: [{headers: [\"X-Token: abc\"], host: \"api[.]shop\"}]}"));
    Endpoint api = net.resolve("shop/api").orElseThrow();
    HttpRequest good =
        new HttpRequest(
            "GET", "/", Optional.of("api.shop"), List.of(new HttpRequest.Header("x-token", "abc")));
    HttpRequest wrong =
        new HttpRequest(
            "GET", "/", Optional.of("api.shop"), List.of(new HttpRequest.Header("X-Token", "abd")));
    HttpRequest noHost = new HttpRequest("GET", "/", Optional.empty(), good.headers());
    assertThat(explain(net, "shop/web", api, 8080, Optional.of(good)).allowed()).isTrue();
    assertThat(explain(net, "shop/web", api, 8080, Optional.of(wrong)).allowed()).isFalse();
    assertThat(explain(net, "shop/web", api, 8080, Optional.of(noHost)).allowed()).isFalse();
  }

  @Test
  void http_onAPortWithoutL7Rules_everyRequestPasses() {
    CompiledNetwork net =
        CiliumFixture.net(
            apiIngress("l4", "- toPorts: [{ports: [{port: \"8080\", protocol: TCP}]}]"));
    Verdict v =
        explain(net, "shop/web", net.resolve("shop/api").orElseThrow(), 8080, http("DELETE", "/x"));
    assertThat(v.allowed()).isTrue();
    assertThat(v.checks().getFirst().reasons().getFirst().effect())
        .isEqualTo(Reason.Effect.DEFAULT);
    Verdict closed =
        explain(net, "shop/web", net.resolve("shop/api").orElseThrow(), 9090, http("GET", "/x"));
    assertThat(closed.allowed()).isFalse();
  }
}
