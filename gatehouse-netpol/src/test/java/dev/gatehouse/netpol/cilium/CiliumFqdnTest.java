package dev.gatehouse.netpol.cilium;

import static dev.gatehouse.netpol.cilium.CiliumFixture.cnp;
import static dev.gatehouse.netpol.cilium.CiliumFixture.conn;
import static dev.gatehouse.netpol.cilium.CiliumFixture.explain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.engine.Endpoint;
import dev.gatehouse.netpol.engine.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code toFQDNs} peers and DNS rules: connectivity and {@code --dst-fqdn} verdicts. */
class CiliumFqdnTest {
  private static final String DNS_PROXY =
      "- toEndpoints:\n"
          + "  - matchLabels: {k8s:io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}\n"
          + "  toPorts:\n"
          + "  - ports: [{port: \"53\", protocol: UDP}]\n"
          + "    rules: {dns: [{matchPattern: \"*.example.com\"}, {matchName: Example.ORG}]}\n";

  private static String webEgress(String rules) {
    return cnp("out", "shop", "endpointSelector: {matchLabels: {app: web}}\negress:\n" + rules);
  }

  private static String fqdn(String selector, String port) {
    return "- toFQDNs: [{"
        + selector
        + "}]\n  toPorts: [{ports: [{port: \""
        + port
        + "\", protocol: TCP}]}]\n";
  }

  private static Verdict to(CompiledNetwork net, String name, int port) {
    return explain(net, "shop/web", new Endpoint.OfName(name), port, Optional.empty());
  }

  @Test
  void connectivity_listsOnePeerPerPattern_aNameCoveredByAPatternGetsBoth() {
    ConnectivityReport r =
        CiliumFixture.report(
            webEgress(
                fqdn("matchPattern: \"*.example.com\"", "443")
                    + fqdn("matchName: api.example.com", "80")));
    assertThat(conn(r, "shop/web", "*.example.com[FQDN]")).isEqualTo("TCP 443");
    assertThat(conn(r, "shop/web", "api.example.com[FQDN]")).isEqualTo("TCP 80,443");
    assertThat(conn(r, "shop/web", "0.0.0.0-255.255.255.255[External]"))
        .isEqualTo("No Connections");
  }

  @Test
  void connectivity_worldCoversDnsNames() {
    ConnectivityReport r =
        CiliumFixture.report(
            webEgress(
                fqdn("matchPattern: \"*.example.com\"", "443")
                    + "- toEntities: [world]\n  toPorts: [{ports: [{port: \"80\", protocol: TCP}]}]\n"));
    assertThat(conn(r, "shop/web", "*.example.com[FQDN]")).isEqualTo("TCP 80,443");
  }

  @Test
  void fqdn_nameMustMatchThePatternAndThePort() {
    CompiledNetwork net =
        CiliumFixture.net(webEgress(fqdn("matchPattern: \"*.example.com\"", "443") + DNS_PROXY));
    assertThat(to(net, "api.example.com", 443).allowed()).isTrue();
    assertThat(to(net, "API.Example.com.", 443).allowed()).isTrue();
    assertThat(to(net, "api.example.com", 22).allowed()).isFalse();
    assertThat(to(net, "example.com", 443).allowed()).isFalse();
    assertThat(to(net, "a.b.example.com", 443).allowed()).isFalse();
    assertThat(to(net, "other.org", 443).allowed()).isFalse();
  }

  @Test
  void fqdn_doubleStarPrefixMatchesAnyDepth() {
    String dnsAll = DNS_PROXY.replace("*.example.com", "**.example.com");
    CompiledNetwork net =
        CiliumFixture.net(webEgress(fqdn("matchPattern: \"**.example.com\"", "443") + dnsAll));
    assertThat(to(net, "a.b.example.com", 443).allowed()).isTrue();
    assertThat(to(net, "example.com", 443).allowed()).isFalse();
    CompiledNetwork oneLabel =
        CiliumFixture.net(webEgress(fqdn("matchPattern: \"**.example.com\"", "443") + DNS_PROXY));
    Verdict v = to(oneLabel, "a.b.example.com", 443);
    assertThat(v.egress().allowed()).isTrue();
    assertThat(v.allowed()).as("the DNS rule *.example.com refuses a.b.example.com").isFalse();
  }

  @Test
  void dns_theQueryMustBeAdmittedByADnsRule() {
    CompiledNetwork net =
        CiliumFixture.net(webEgress(fqdn("matchPattern: \"*.example.net\"", "443") + DNS_PROXY));
    Verdict v = to(net, "www.example.net", 443);
    assertThat(v.egress().allowed()).isTrue();
    assertThat(v.allowed()).isFalse();
    assertThat(v.checks().getFirst().what()).isEqualTo("DNS www.example.net");
    assertThat(v.checks().getFirst().reasons().getFirst().text())
        .contains("CiliumNetworkPolicy 'shop/out' Egress rule #2")
        .contains("www.example.net does not match");
  }

  @Test
  void dns_matchNameIsCaseInsensitive() {
    CompiledNetwork net =
        CiliumFixture.net(webEgress(fqdn("matchName: example.org", "443") + DNS_PROXY));
    Verdict v = to(net, "EXAMPLE.org", 443);
    assertThat(v.allowed()).isTrue();
    assertThat(v.checks().getFirst().reasons().getFirst().text()).contains("(DNS example.org)");
  }

  @Test
  void toFqdns_withoutADnsRuleTheAddressesAreNeverLearned() {
    String l4Dns =
        "- toEndpoints:\n  - matchLabels: {k8s:io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}\n"
            + "  toPorts: [{ports: [{port: \"53\", protocol: UDP}]}]\n";
    CompiledNetwork net =
        CiliumFixture.net(webEgress(fqdn("matchPattern: \"*.example.com\"", "443") + l4Dns));
    Verdict v = to(net, "api.example.com", 443);
    assertThat(v.egress().allowed()).isTrue();
    assertThat(v.allowed()).isFalse();
    assertThat(v.checks().getFirst().reasons().getFirst().text())
        .contains("only toFQDNs rules allow the connection");
  }

  @Test
  void world_needsResolutionButNotTheProxy() {
    String l4Dns =
        "- toEndpoints:\n  - matchLabels: {k8s:io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}\n"
            + "  toPorts: [{ports: [{port: \"53\", protocol: UDP}]}]\n";
    CompiledNetwork net = CiliumFixture.net(webEgress("- toEntities: [world]\n" + l4Dns));
    assertThat(to(net, "api.example.com", 443).allowed()).isTrue();
    CompiledNetwork noDns = CiliumFixture.net(webEgress("- toEntities: [world]\n"));
    Verdict v = to(noDns, "api.example.com", 443);
    assertThat(v.egress().allowed()).isTrue();
    assertThat(v.allowed()).isFalse();
    assertThat(v.checks().getFirst().reasons().getFirst().text())
        .isEqualTo("shop/web[Deployment] cannot reach kube-system/coredns[Deployment] on UDP 53");
  }

  @Test
  void fqdn_unselectedSourceReachesEverything() {
    CompiledNetwork net =
        CiliumFixture.net(webEgress(fqdn("matchPattern: \"*.example.com\"", "443") + DNS_PROXY));
    Verdict v = explain(net, "shop/api", new Endpoint.OfName("other.org"), 22, Optional.empty());
    assertThat(v.allowed()).isTrue();
  }
}
