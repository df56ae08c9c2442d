package dev.gatehouse.netpol.cilium;

import static dev.gatehouse.netpol.cilium.CiliumFixture.cnp;
import static dev.gatehouse.netpol.cilium.CiliumFixture.conn;
import static dev.gatehouse.netpol.cilium.CiliumFixture.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import org.junit.jupiter.api.Test;

/** Cilium entities, CIDR peers and {@code toPorts}, through the real pipeline. */
class CiliumPeersAndPortsTest {
  private static final String EXTERNAL = "0.0.0.0-255.255.255.255[External]";

  private static String ingressTo(String api, String rule) {
    return cnp(
        "p", "shop", "endpointSelector: {matchLabels: {app: " + api + "}}\ningress:\n" + rule);
  }

  @Test
  void world_matchesExternalAddressesNotPods() {
    String p = ingressTo("api", "- fromEntities: [world]");
    assertThat(conn(p, EXTERNAL, "shop/api")).isEqualTo("All Connections");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("No Connections");
  }

  @Test
  void cluster_matchesEveryPodAndTheNodesButNotTheWorld() {
    ConnectivityReport r = report(ingressTo("api", "- fromEntities: [cluster]"));
    assertThat(conn(r, "other/client", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(r, "host[Entity]", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(r, "remote-node[Entity]", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(r, "kube-apiserver[Entity]", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(r, EXTERNAL, "shop/api")).isEqualTo("No Connections");
  }

  @Test
  void host_isAPeerOfItsOwn() {
    ConnectivityReport r = report(ingressTo("api", "- fromEntities: [host]"));
    assertThat(conn(r, "host[Entity]", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(r, "remote-node[Entity]", "shop/api")).isEqualTo("No Connections");
    assertThat(conn(r, "shop/web", "shop/api")).isEqualTo("No Connections");
    assertThat(conn(r, "host[Entity]", "shop/web")).isEqualTo("All Connections");
  }

  @Test
  void all_matchesEverything() {
    ConnectivityReport r = report(ingressTo("api", "- fromEntities: [all]"));
    assertThat(conn(r, EXTERNAL, "shop/api")).isEqualTo("All Connections");
    assertThat(conn(r, "other/client", "shop/api")).isEqualTo("All Connections");
  }

  @Test
  void entities_listedOnlyWhenARuleNamesOne() {
    ConnectivityReport r = report(ingressTo("api", "- fromEntities: [all]"));
    assertThat(r.connections()).noneMatch(c -> c.src().label().endsWith("[Entity]"));
  }

  @Test
  void kubeApiserver_egress() {
    String p =
        cnp(
            "p",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\negress:\n- toEntities: [kube-apiserver]\n"
                + "  toPorts: [{ports: [{port: \"443\", protocol: TCP}]}]");
    ConnectivityReport r = report(p);
    assertThat(conn(r, "shop/api", "kube-apiserver[Entity]")).isEqualTo("TCP 443");
    assertThat(conn(r, "shop/api", "host[Entity]")).isEqualTo("No Connections");
    assertThat(conn(r, "shop/api", EXTERNAL)).isEqualTo("No Connections");
    CompiledNetwork net = CiliumFixture.net(p);
    assertThat(
            net.allowed(
                    net.resolve("shop/api").orElseThrow(),
                    net.resolve("reserved:kube-apiserver").orElseThrow())
                .toString())
        .isEqualTo("TCP 443");
  }

  @Test
  void cidrSet_exceptCarvesOutAddresses() {
    ConnectivityReport r =
        report(
            cnp(
                "p",
                "shop",
                "endpointSelector: {matchLabels: {app: api}}\negress:\n"
                    + "- toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}]"));
    assertThat(conn(r, "shop/api", "10.0.0.0-10.0.255.255[External]")).isEqualTo("All Connections");
    assertThat(conn(r, "shop/api", "10.1.0.0-10.1.255.255[External]")).isEqualTo("No Connections");
    assertThat(conn(r, "shop/api", "10.2.0.0-10.255.255.255[External]"))
        .isEqualTo("All Connections");
    assertThat(conn(r, "shop/api", "shop/web")).isEqualTo("No Connections");
  }

  @Test
  void cidr_bareAddressIsOneHost() {
    ConnectivityReport r =
        report(
            cnp(
                "p",
                "shop",
                "endpointSelector: {matchLabels: {app: api}}\ningress:\n- fromCIDR: [192.168.1.1]"));
    assertThat(conn(r, "192.168.1.1-192.168.1.1[External]", "shop/api"))
        .isEqualTo("All Connections");
    assertThat(conn(r, "192.168.1.2-", "shop/api")).isEqualTo("No Connections");
  }

  @Test
  void toPorts_endPortMakesARange() {
    String p =
        ingressTo("api", "- toPorts: [{ports: [{port: \"8000\", endPort: 8100, protocol: TCP}]}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("TCP 8000-8100");
  }

  @Test
  void toPorts_protocolDefaultsToAny() {
    assertThat(
            conn(
                ingressTo("api", "- toPorts: [{ports: [{port: \"53\"}]}]"), "shop/web", "shop/api"))
        .isEqualTo("SCTP 53,TCP 53,UDP 53");
  }

  @Test
  void toPorts_namedPortsResolveOnTheDestination() {
    assertThat(
            conn(
                ingressTo("api", "- toPorts: [{ports: [{port: http, protocol: TCP}]}]"),
                "shop/web",
                "shop/api"))
        .isEqualTo("TCP 8080");
    assertThat(
            conn(ingressTo("api", "- toPorts: [{ports: [{port: DNS}]}]"), "shop/web", "shop/api"))
        .isEqualTo("UDP 5353");
    assertThat(
            conn(
                ingressTo("api", "- toPorts: [{ports: [{port: dns, protocol: TCP}]}]"),
                "shop/web",
                "shop/api"))
        .isEqualTo("No Connections");
  }

  @Test
  void toPorts_portZeroIsEveryPort() {
    assertThat(
            conn(
                ingressTo("api", "- toPorts: [{ports: [{port: \"0\", protocol: UDP}]}]"),
                "shop/web",
                "shop/api"))
        .isEqualTo("UDP 1-65535");
  }

  @Test
  void toPorts_andL3AreAnded_entriesAreOred() {
    String p =
        ingressTo(
            "api",
            "- fromEndpoints: [{matchLabels: {app: web}}]\n"
                + "  toPorts: [{ports: [{port: \"8080\", protocol: TCP}]}, {ports: [{port: \"9090\", protocol: TCP}]}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("TCP 8080,9090");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("No Connections");
  }
}
