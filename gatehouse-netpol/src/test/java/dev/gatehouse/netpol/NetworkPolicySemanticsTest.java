package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.netpol.engine.CompiledNetwork;
import org.junit.jupiter.api.Test;

/** One test per point of Kubernetes NetworkPolicy semantics (networking.k8s.io/v1). */
class NetworkPolicySemanticsTest {
  /** Two namespaces: shop (web, cart with named ports) and other (client). */
  static final String CLUSTER =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {team: a}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: other, labels: {team: b}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: c, ports: [{containerPort: 80, name: http}]}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: cart, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: cart}}
          spec:
            containers:
            - name: c
              ports:
              - {containerPort: 7070, name: grpc}
              - {containerPort: 5353, name: dns, protocol: UDP}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: client, namespace: other}
      spec:
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: c}]}
      """;

  private static String conn(String policies, String src, String dst) {
    CompiledNetwork net = Pipeline.fromYaml(CLUSTER + "---\n" + policies);
    return net.allowed(net.resolve(src).orElseThrow(), net.resolve(dst).orElseThrow()).toString();
  }

  private static String policy(String name, String ns, String spec) {
    return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: "
        + name
        + ", namespace: "
        + ns
        + "}\nspec:\n"
        + spec.indent(2)
        + "---\n";
  }

  @Test
  void noPolicy_defaultAllow() {
    assertThat(conn("", "other/client", "shop/cart")).isEqualTo("All Connections");
  }

  @Test
  void policyTypes_absentWithEgressRules_isolatesBothDirections() {
    String p = policy("p", "shop", "podSelector: {matchLabels: {app: cart}}\negress: [{}]");
    assertThat(conn(p, "shop/web", "shop/cart")).isEqualTo("No Connections");
    assertThat(conn(p, "shop/cart", "other/client")).isEqualTo("All Connections");
  }

  @Test
  void policyTypes_absentWithoutEgress_egressStaysOpen() {
    String p = policy("p", "shop", "podSelector: {}\ningress: [{from: [{podSelector: {}}]}]");
    assertThat(conn(p, "shop/web", "other/client")).isEqualTo("All Connections");
    assertThat(conn(p, "other/client", "shop/web")).isEqualTo("No Connections");
    assertThat(conn(p, "shop/web", "shop/cart")).isEqualTo("All Connections");
  }

  @Test
  void egressOnly_explicitPolicyTypes_leavesIngressOpen() {
    String p = policy("p", "shop", "podSelector: {}\npolicyTypes: [Egress]");
    assertThat(conn(p, "other/client", "shop/web")).isEqualTo("All Connections");
    assertThat(conn(p, "shop/web", "other/client")).isEqualTo("No Connections");
  }

  @Test
  void directions_egressDenyAtSourceWinsOverIngressAllowAtDestination() {
    String p =
        policy("deny-egress", "other", "podSelector: {}\npolicyTypes: [Egress]")
            + policy("allow-in", "shop", "podSelector: {}\ningress: [{}]");
    assertThat(conn(p, "other/client", "shop/web")).isEqualTo("No Connections");
  }

  @Test
  void additivity_unionOfPolicies() {
    String p =
        policy(
                "a",
                "shop",
                "podSelector: {matchLabels: {app: cart}}\ningress: [{ports: [{port: 7070}]}]")
            + policy(
                "b",
                "shop",
                "podSelector: {matchLabels: {app: cart}}\ningress: [{ports: [{port: 9090}]}]");
    assertThat(conn(p, "shop/web", "shop/cart")).isEqualTo("TCP 7070,9090");
  }

  @Test
  void emptyRuleList_deniesAll_emptyRule_allowsAll() {
    String deny = policy("p", "shop", "podSelector: {}\npolicyTypes: [Ingress]\ningress: []");
    assertThat(conn(deny, "shop/web", "shop/cart")).isEqualTo("No Connections");
    String allow = policy("p", "shop", "podSelector: {}\ningress: [{}]");
    assertThat(conn(allow, "other/client", "shop/cart")).isEqualTo("All Connections");
  }

  @Test
  void peerPodSelectorAlone_meansPolicyNamespace() {
    String p =
        policy(
            "p",
            "shop",
            "podSelector: {}\ningress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]");
    assertThat(conn(p, "shop/web", "shop/cart")).isEqualTo("All Connections");
    assertThat(conn(p, "other/client", "shop/cart")).isEqualTo("No Connections");
  }

  @Test
  void namespaceAndPodSelectorInOnePeer_areAnded() {
    String p =
        policy(
            "p",
            "shop",
            "podSelector: {}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {team: b}}\n    podSelector: {matchLabels: {app: nope}}");
    assertThat(conn(p, "other/client", "shop/cart")).isEqualTo("No Connections");
  }

  @Test
  void namespaceAndPodSelectorInTwoPeers_areOred() {
    String p =
        policy(
            "p",
            "shop",
            "podSelector: {}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {team: b}}\n  - podSelector: {matchLabels: {app: nope}}");
    assertThat(conn(p, "other/client", "shop/cart")).isEqualTo("All Connections");
    assertThat(conn(p, "shop/web", "shop/cart")).isEqualTo("No Connections");
  }

  @Test
  void namespaceByName_implicitLabel() {
    String p =
        policy(
            "p",
            "shop",
            "podSelector: {}\ningress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: other}}}]}]");
    assertThat(conn(p, "other/client", "shop/cart")).isEqualTo("All Connections");
  }

  @Test
  void matchExpressions_notInMatchesPodsWithoutTheKey() {
    String p =
        policy(
            "p",
            "shop",
            "podSelector: {}\ningress: [{from: [{namespaceSelector: {matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}}]}]");
    assertThat(conn(p, "other/client", "shop/cart")).isEqualTo("All Connections");
  }

  @Test
  void ipBlock_withExcept_neverMatchesPods() {
    String p =
        policy(
            "p",
            "shop",
            "podSelector: {}\npolicyTypes: [Egress]\negress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]}]");
    assertThat(conn(p, "shop/web", "10.2.3.4")).isEqualTo("All Connections");
    assertThat(conn(p, "shop/web", "10.1.3.4")).isEqualTo("No Connections");
    assertThat(conn(p, "shop/web", "11.0.0.1")).isEqualTo("No Connections");
    assertThat(conn(p, "shop/web", "other/client")).isEqualTo("No Connections");
  }

  @Test
  void ipBlock_ipv6() {
    String p =
        policy(
            "p",
            "shop",
            "podSelector: {}\ningress: [{from: [{ipBlock: {cidr: '2001:db8::/32', except: ['2001:db8:1::/48']}}]}]");
    assertThat(conn(p, "2001:db8:2::1", "shop/web")).isEqualTo("All Connections");
    assertThat(conn(p, "2001:db8:1::1", "shop/web")).isEqualTo("No Connections");
    assertThat(conn(p, "10.0.0.1", "shop/web")).isEqualTo("No Connections");
  }

  @Test
  void namedPort_resolvedOnDestinationByNameAndProtocol() {
    String p =
        policy(
            "p",
            "shop",
            "podSelector: {}\ningress: [{ports: [{port: grpc}, {port: dns, protocol: UDP}, {port: http, protocol: UDP}]}]");
    assertThat(conn(p, "other/client", "shop/cart")).isEqualTo("TCP 7070,UDP 5353");
    assertThat(conn(p, "other/client", "shop/web")).isEqualTo("No Connections");
  }

  @Test
  void namedPort_inEgress_resolvedOnThePeer() {
    String p =
        policy(
            "p",
            "shop",
            "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\negress: [{ports: [{port: grpc}]}]");
    assertThat(conn(p, "shop/web", "shop/cart")).isEqualTo("TCP 7070");
    assertThat(conn(p, "shop/web", "other/client")).isEqualTo("No Connections");
  }

  @Test
  void endPort_inclusiveRange() {
    String p =
        policy("p", "shop", "podSelector: {}\ningress: [{ports: [{port: 8000, endPort: 8080}]}]");
    assertThat(conn(p, "other/client", "shop/cart")).isEqualTo("TCP 8000-8080");
  }

  @Test
  void protocols_udpAndSctpDoNotOpenTcp() {
    String p =
        policy(
            "p",
            "shop",
            "podSelector: {}\ningress: [{ports: [{protocol: UDP, port: 53}, {protocol: SCTP}]}]");
    assertThat(conn(p, "other/client", "shop/cart")).isEqualTo("SCTP 1-65535,UDP 53");
  }
}
