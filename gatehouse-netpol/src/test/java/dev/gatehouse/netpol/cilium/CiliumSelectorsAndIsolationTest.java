package dev.gatehouse.netpol.cilium;

import static dev.gatehouse.netpol.cilium.CiliumFixture.ccnp;
import static dev.gatehouse.netpol.cilium.CiliumFixture.cnp;
import static dev.gatehouse.netpol.cilium.CiliumFixture.conn;
import static dev.gatehouse.netpol.cilium.CiliumFixture.np;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.Severity;
import org.junit.jupiter.api.Test;

/**
 * Cilium selectors and namespaces, default deny ({@code enableDefaultDeny}) and deny rules, each
 * through the real loader, compiler and engine.
 */
class CiliumSelectorsAndIsolationTest {
  private static final String ALLOW_ALL_NS_IN =
      "endpointSelector: {}\ningress:\n- fromEndpoints: [{}]";

  @Test
  void endpointSelector_cnpAppliesInItsNamespaceOnly() {
    String p = cnp("p", "shop", ALLOW_ALL_NS_IN);
    assertThat(conn(p, "other/client", "shop/web")).isEqualTo("No Connections");
    assertThat(conn(p, "shop/api", "shop/web")).isEqualTo("All Connections");
    assertThat(conn(p, "shop/web", "other/client")).isEqualTo("All Connections");
    assertThat(conn(p, "other/client", "kube-system/coredns")).isEqualTo("All Connections");
  }

  @Test
  void endpointSelector_namespaceMatchIsRemovedWithAWarning() {
    String p =
        cnp(
            "p",
            "shop",
            "endpointSelector: {matchLabels: {k8s:io.kubernetes.pod.namespace: other}}\ningress: [{}]");
    assertThat(conn(p, "other/client", "shop/web")).isEqualTo("No Connections");
    assertThat(conn(p, "shop/web", "other/client")).isEqualTo("All Connections");
    assertThat(CiliumFixture.diagnostics(p).all())
        .anyMatch(
            d ->
                d.severity() == Severity.WARNING
                    && d.message().contains("always applies in the policy's namespace shop"));
  }

  @Test
  void ccnp_endpointSelectorSpansNamespaces() {
    String p = ccnp("p", "endpointSelector: {}\ningress: [{}]");
    assertThat(conn(p, "shop/web", "other/client")).isEqualTo("No Connections");
    assertThat(conn(p, "other/client", "kube-system/coredns")).isEqualTo("No Connections");
  }

  @Test
  void ccnp_endpointSelectorOnNamespaceKey() {
    String p =
        ccnp(
            "p",
            "endpointSelector: {matchLabels: {k8s:io.kubernetes.pod.namespace: other}}\ningress: [{}]");
    assertThat(conn(p, "shop/web", "other/client")).isEqualTo("No Connections");
    assertThat(conn(p, "other/client", "shop/web")).isEqualTo("All Connections");
  }

  @Test
  void fromEndpoints_defaultsToThePolicyNamespace() {
    String p =
        cnp(
            "p",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\ningress:\n- fromEndpoints: [{}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("No Connections");
  }

  @Test
  void fromEndpoints_namespaceKeySelectsAnotherNamespace() {
    String p =
        cnp(
            "p",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\ningress:\n"
                + "- fromEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: other}}]");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("No Connections");
  }

  @Test
  void fromEndpoints_namespaceLabelKeysSpanNamespaces() {
    String p =
        cnp(
            "p",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\ningress:\n"
                + "- fromEndpoints: [{matchLabels: {io.cilium.k8s.namespace.labels.team: b}}]");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("No Connections");
  }

  @Test
  void fromEndpoints_k8sAndAnyPrefixesAreStripped() {
    String p =
        cnp(
            "p",
            "shop",
            "endpointSelector: {matchLabels: {any:app: api}}\ningress:\n"
                + "- fromEndpoints: [{matchLabels: {k8s:app: web}}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("No Connections");
  }

  @Test
  void fromEndpoints_namespaceMatchExpressions() {
    String p =
        cnp(
            "p",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\ningress:\n- fromEndpoints:\n"
                + "  - matchExpressions:\n"
                + "    - {key: k8s:io.kubernetes.pod.namespace, operator: NotIn, values: [shop]}");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(p, "kube-system/coredns", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("No Connections");
  }

  @Test
  void ccnp_emptyPeerSelectorSelectsPodsOfEveryNamespaceButNotTheWorld() {
    String p =
        ccnp("p", "endpointSelector: {matchLabels: {app: api}}\ningress:\n- fromEndpoints: [{}]");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(p, "0.0.0.0-255.255.255.255[External]", "shop/api"))
        .isEqualTo("No Connections");
  }

  @Test
  void emptyRule_isolatesAndAllowsNothing() {
    String p = cnp("p", "shop", "endpointSelector: {matchLabels: {app: api}}\ningress: [{}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("No Connections");
  }

  @Test
  void emptyList_doesNotIsolate() {
    String p = cnp("p", "shop", "endpointSelector: {matchLabels: {app: api}}\ningress: []");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("All Connections");
  }

  @Test
  void l4OnlyRule_matchesEveryPeerIncludingExternalAddresses() {
    String p =
        cnp(
            "p",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\ningress:\n"
                + "- toPorts: [{ports: [{port: \"8080\", protocol: TCP}]}]");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("TCP 8080");
    assertThat(conn(p, "0.0.0.0-255.255.255.255[External]", "shop/api")).isEqualTo("TCP 8080");
  }

  @Test
  void ingressDeny_winsOverEveryAllowIncludingNetworkPolicy() {
    String p =
        np("allow-all", "shop", "podSelector: {}\ningress: [{}]")
            + cnp(
                "deny-web",
                "shop",
                "endpointSelector: {matchLabels: {app: api}}\ningress:\n- fromEntities: [all]\n"
                    + "ingressDeny:\n- fromEndpoints: [{matchLabels: {app: web}}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("No Connections");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("All Connections");
  }

  @Test
  void denyOnlyPolicy_putsItsSubjectIntoDefaultDeny() {
    String p =
        cnp(
            "deny-web",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\n"
                + "ingressDeny:\n- fromEndpoints: [{matchLabels: {app: web}}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("No Connections");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("No Connections");
  }

  @Test
  void enableDefaultDenyFalse_denyRuleOnlyDenies() {
    String p =
        cnp(
            "deny-web",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\nenableDefaultDeny: {ingress: false}\n"
                + "ingressDeny:\n- fromEndpoints: [{matchLabels: {app: web}}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("No Connections");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("All Connections");
  }

  @Test
  void enableDefaultDenyFalse_allowRuleDoesNotIsolate() {
    String p =
        cnp(
            "p",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\nenableDefaultDeny: {ingress: false}\n"
                + "ingress:\n- fromEndpoints: [{matchLabels: {app: web}}]");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("All Connections");
  }

  @Test
  void enableDefaultDeny_anySelectingPolicyRequestingItWins() {
    String p =
        cnp(
                "broad",
                "shop",
                "endpointSelector: {}\nenableDefaultDeny: {ingress: false}\n"
                    + "ingress:\n- fromEndpoints: [{matchLabels: {app: web}}]")
            + cnp("narrow", "shop", "endpointSelector: {matchLabels: {app: api}}\ningress: [{}]");
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("No Connections");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("All Connections");
    assertThat(conn(p, "other/client", "shop/web")).isEqualTo("All Connections");
  }

  @Test
  void enableDefaultDenyTrue_isolatesWithoutRules() {
    String p =
        cnp(
            "p",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\nenableDefaultDeny: {egress: true}");
    assertThat(conn(p, "shop/api", "shop/web")).isEqualTo("No Connections");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("All Connections");
  }

  @Test
  void denyWithPorts_removesOnlyThosePorts() {
    String p =
        cnp(
            "p",
            "shop",
            "endpointSelector: {matchLabels: {app: api}}\ningress:\n- fromEntities: [all]\n"
                + "ingressDeny:\n- fromEndpoints: [{matchLabels: {app: web}}]\n"
                + "  toPorts: [{ports: [{port: \"9090\", protocol: TCP}]}]");
    assertThat(conn(p, "shop/web", "shop/api"))
        .isEqualTo("SCTP 1-65535,TCP 1-9089,9091-65535,UDP 1-65535");
  }

  @Test
  void egressDeny_winsAtTheSource() {
    String p =
        cnp(
                "p",
                "shop",
                "endpointSelector: {matchLabels: {app: web}}\negress:\n- toEntities: [all]\n"
                    + "egressDeny:\n- toEndpoints: [{matchLabels: {app: api}}]")
            + np("allow-in", "shop", "podSelector: {}\ningress: [{}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("No Connections");
    assertThat(conn(p, "shop/web", "other/client")).isEqualTo("All Connections");
  }

  @Test
  void networkPolicyAndCiliumAllows_areUnioned() {
    String p =
        np(
                "np",
                "shop",
                "podSelector: {matchLabels: {app: api}}\ningress:\n- ports: [{port: 9090}]")
            + cnp(
                "cnp",
                "shop",
                "endpointSelector: {matchLabels: {app: api}}\ningress:\n"
                    + "- toPorts: [{ports: [{port: \"8080\", protocol: TCP}]}]");
    assertThat(conn(p, "shop/web", "shop/api")).isEqualTo("TCP 8080,9090");
  }

  @Test
  void specs_everyRuleOfTheListApplies() {
    String p =
        "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: shop}\n"
            + "specs:\n"
            + "- endpointSelector: {matchLabels: {app: api}}\n"
            + "  ingress: [{toPorts: [{ports: [{port: \"8080\", protocol: TCP}]}]}]\n"
            + "- endpointSelector: {matchLabels: {app: web}}\n"
            + "  ingress: [{toPorts: [{ports: [{port: \"80\", protocol: TCP}]}]}]\n---\n";
    assertThat(conn(p, "other/client", "shop/api")).isEqualTo("TCP 8080");
    assertThat(conn(p, "other/client", "shop/web")).isEqualTo("TCP 80");
  }
}
