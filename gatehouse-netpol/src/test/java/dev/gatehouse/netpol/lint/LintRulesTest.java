package dev.gatehouse.netpol.lint;

import static dev.gatehouse.netpol.lint.LintFixtures.CLUSTER;
import static dev.gatehouse.netpol.lint.LintFixtures.lint;
import static dev.gatehouse.netpol.lint.LintFixtures.of;
import static dev.gatehouse.netpol.lint.LintFixtures.pod;
import static dev.gatehouse.netpol.lint.LintFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.engine.EngineProfile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One positive and one negative example per lint rule. */
class LintRulesTest {

  private static final String DENY_EGRESS =
      policy("shop", "deny-egress", "podSelector: {}\npolicyTypes: [Egress]");

  private static final String DNS_EGRESS =
      policy(
          "shop",
          "dns",
          """
          podSelector: {}
          policyTypes: [Egress]
          egress:
          - to:
            - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
              podSelector: {matchLabels: {k8s-app: kube-dns}}
            ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
          """);

  @Test
  void np001_egressDenyWithoutDns_reported() {
    List<Finding> f = of(lint(CLUSTER + DENY_EGRESS), "NP001");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).object()).isEqualTo("NetworkPolicy shop/deny-egress");
    assertThat(f.get(0).location().file()).isEqualTo("test.yaml");
    assertThat(f.get(0).location().line()).isPositive();
    assertThat(f.get(0).message())
        .contains("isolates egress of shop/cart[Deployment], shop/redis[Deployment]")
        .contains("DNS");
  }

  @Test
  void np001_dnsAllowed_notReported() {
    assertThat(of(lint(CLUSTER + DENY_EGRESS + DNS_EGRESS), "NP001")).isEmpty();
    String kubeDns =
        LintFixtures.deploy("kube-system", "coredns", "x", "{name: dns, containerPort: 53}")
            .replace("app: x", "k8s-app: kube-dns");
    assertThat(of(lint(CLUSTER + kubeDns + DENY_EGRESS + DNS_EGRESS), "NP001")).isEmpty();
    assertThat(of(lint(CLUSTER + kubeDns + DENY_EGRESS), "NP001")).hasSize(1);
  }

  @Test
  void np002_combinedPeerWhereTwoMeant_reported() {
    String p =
        policy(
            "shop",
            "from-web",
            """
            podSelector: {matchLabels: {app: redis}}
            ingress:
            - from:
              - namespaceSelector: {matchLabels: {team: web}}
                podSelector: {matchLabels: {app: cart}}
            """);
    LintReport r = lint(CLUSTER + p);
    List<Finding> f = of(r, "NP002");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).pointer()).isEqualTo("/spec/ingress/0/from/0");
    assertThat(f.get(0).message()).contains("did you mean two peers");
    assertThat(of(r, "NP005")).as("superseded by NP002").isEmpty();
    assertThat(of(lint(CLUSTER + p, EngineProfile.DEFAULT, Set.of("NP002")), "NP005")).hasSize(1);
  }

  @Test
  void np002_combinedPeerSelectingPods_notReported() {
    String p =
        policy(
            "shop",
            "from-web",
            """
            podSelector: {matchLabels: {app: cart}}
            ingress:
            - from:
              - namespaceSelector: {matchLabels: {team: web}}
                podSelector: {matchLabels: {app: frontend}}
            """);
    assertThat(of(lint(CLUSTER + p), "NP002")).isEmpty();
  }

  @Test
  void np003_twoPeersWhereOneMeant_reported() {
    String p =
        policy(
            "shop",
            "from-web",
            """
            podSelector: {matchLabels: {app: cart}}
            ingress:
            - from:
              - namespaceSelector: {matchLabels: {team: web}}
              - podSelector: {matchLabels: {app: frontend}}
            """);
    LintReport r = lint(CLUSTER + p);
    List<Finding> f = of(r, "NP003");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).pointer()).isEqualTo("/spec/ingress/0/from/1");
    assertThat(f.get(0).message()).contains("web/frontend[Deployment]").contains("one peer (AND)");
    assertThat(of(r, "NP005")).isEmpty();
  }

  @Test
  void np003_podPeerSelectingOwnPods_notReported() {
    String p =
        policy(
            "shop",
            "from-web",
            """
            podSelector: {matchLabels: {app: redis}}
            ingress:
            - from:
              - namespaceSelector: {matchLabels: {team: web}}
              - podSelector: {matchLabels: {app: cart}}
            """);
    assertThat(of(lint(CLUSTER + p), "NP003")).isEmpty();
  }

  @Test
  void np004_policySelectingNothing_reported() {
    String p = policy("shop", "typo", "podSelector: {matchLabels: {app: kart}}");
    List<Finding> f = of(lint(CLUSTER + p), "NP004");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).pointer()).isEqualTo("/spec/podSelector");
    assertThat(f.get(0).message()).contains("no workload in namespace shop").contains("app=kart");
  }

  @Test
  void np004_policySelectingPods_orUnknownNamespace_notReported() {
    assertThat(
            of(
                lint(CLUSTER + policy("shop", "ok", "podSelector: {matchLabels: {app: cart}}")),
                "NP004"))
        .isEmpty();
    assertThat(of(lint(CLUSTER + policy("other", "p", "podSelector: {}")), "NP004"))
        .as("no workloads of namespace other in the input: not judged")
        .isEmpty();
  }

  @Test
  void np005_peerSelectingNoNamespace_reported() {
    String p =
        policy(
            "shop",
            "p",
            """
            podSelector: {}
            ingress:
            - from:
              - namespaceSelector: {matchLabels: {team: webb}}
            """);
    List<Finding> f = of(lint(CLUSTER + p), "NP005");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).contains("no namespace of the input matches");
  }

  @Test
  void np005_peerSelectingPods_notReported() {
    String p =
        policy(
            "shop",
            "p",
            """
            podSelector: {}
            ingress:
            - from:
              - namespaceSelector: {matchLabels: {team: web}}
            """);
    assertThat(of(lint(CLUSTER + p), "NP005")).isEmpty();
  }

  private static String ipBlockPolicy(String except) {
    return policy(
        "shop",
        "ext",
        """
        podSelector: {}
        policyTypes: [Egress]
        egress:
        - to:
          - ipBlock: {cidr: 10.0.0.0/16, except: [%s]}
        """
            .formatted(except));
  }

  @Test
  void np006_exceptOutsideCidr_reportedAsError() {
    List<Finding> f = of(lint(CLUSTER + ipBlockPolicy("10.1.0.0/24")), "NP006");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(f.get(0).pointer()).isEqualTo("/spec/egress/0/to/0/ipBlock/except/0");
    assertThat(f.get(0).message()).contains("10.1.0.0/24").contains("outside the cidr");
  }

  @Test
  void np006_exceptInsideCidr_notReported() {
    assertThat(of(lint(CLUSTER + ipBlockPolicy("10.0.1.0/24")), "NP006")).isEmpty();
  }

  private static String egressTo(String cidr) {
    return policy(
        "web",
        "out",
        """
        podSelector: {}
        policyTypes: [Egress]
        egress:
        - to:
          - ipBlock: {cidr: %s}
        """
            .formatted(cidr));
  }

  @Test
  void np007_ipBlockCoveringPodIps_reported() {
    String pods = pod("shop", "api-0", "api", "10.244.1.5");
    List<Finding> f = of(lint(CLUSTER + pods + egressTo("10.244.0.0/16")), "NP007");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).contains("shop/api-0[Pod]").contains("network plugin");
    Finding npm =
        of(
                lint(CLUSTER + pods + egressTo("10.244.0.0/16"), EngineProfile.AZURE_NPM, Set.of()),
                "NP007")
            .get(0);
    assertThat(npm.message()).contains("under azure-npm it matches them");
  }

  @Test
  void np007_ipBlockOutsidePodIps_orWholeFamily_notReported() {
    String pods = pod("shop", "api-0", "api", "10.244.1.5");
    assertThat(of(lint(CLUSTER + pods + egressTo("192.168.0.0/16")), "NP007")).isEmpty();
    assertThat(of(lint(CLUSTER + pods + egressTo("0.0.0.0/0")), "NP007")).isEmpty();
  }

  private static String ingressOnPort(String port) {
    return policy(
        "shop",
        "cart-in",
        """
        podSelector: {matchLabels: {app: cart}}
        ingress:
        - ports: [{port: %s}]
        """
            .formatted(port));
  }

  @Test
  void np008_namedPortNotExposed_reported() {
    List<Finding> f = of(lint(CLUSTER + ingressOnPort("http")), "NP008");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message())
        .contains("named port \"http\"")
        .contains("shop/cart[Deployment]");
  }

  @Test
  void np008_namedPortExposed_notReported() {
    assertThat(of(lint(CLUSTER + ingressOnPort("web")), "NP008")).isEmpty();
  }

  private static String twoRules(String secondPorts) {
    return policy(
        "shop",
        "cart-in",
        """
        podSelector: {matchLabels: {app: cart}}
        ingress:
        - from: [{namespaceSelector: {matchLabels: {team: web}}}]
          ports: [{port: 8080}, {port: 9090}]
        - from: [{namespaceSelector: {matchLabels: {team: web}}, podSelector: {matchLabels: {app: frontend}}}]
          ports: [{port: %s}]
        """
            .formatted(secondPorts));
  }

  @Test
  void np009_ruleCoveredByAnother_reported() {
    List<Finding> f = of(lint(CLUSTER + twoRules("8080")), "NP009");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message())
        .startsWith("NetworkPolicy 'shop/cart-in' Ingress rule #2 is redundant")
        .contains("Ingress rule #1");
    assertThat(f.get(0).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void np009_ruleAddingPorts_notReported() {
    assertThat(of(lint(CLUSTER + twoRules("7070")), "NP009")).isEmpty();
  }

  private static String anp(String name, int priority, String subject, String ingress) {
    return """
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: %s}
        spec:
          priority: %d
          subject: %s
          ingress:
        %s
        ---
        """
        .formatted(name, priority, subject, ingress.indent(2).stripTrailing());
  }

  private static final String ALLOW_ALL_NS =
      "- {name: all, action: Allow, from: [{namespaces: {}}]}";
  private static final String DENY_WEB =
      "- {name: no-web, action: Deny, from: [{namespaces: {matchLabels: {team: web}}}]}";

  @Test
  void np010_adminRuleShadowedByEarlierRule_reported() {
    String a =
        anp("a", 10, "{namespaces: {matchLabels: {team: shop}}}", ALLOW_ALL_NS + "\n" + DENY_WEB);
    List<Finding> f = of(lint(CLUSTER + a), "NP010");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).contains("Ingress rule #2 (no-web) (Deny) is never reached");
  }

  @Test
  void np010_exceptionBeforeBroadRule_notReported() {
    String a =
        anp("a", 10, "{namespaces: {matchLabels: {team: shop}}}", DENY_WEB + "\n" + ALLOW_ALL_NS);
    assertThat(of(lint(CLUSTER + a), "NP010")).isEmpty();
  }

  @Test
  void np011_ingressFromEverywhereOnEveryPort_reported() {
    String p = policy("shop", "open", "podSelector: {matchLabels: {app: cart}}\ningress:\n- {}");
    List<Finding> f = of(lint(CLUSTER + p), "NP011");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).contains("allows every connection from everywhere to shop/cart");
  }

  @Test
  void np011_publicPortOnly_notReported() {
    String p =
        policy(
            "shop",
            "open",
            "podSelector: {matchLabels: {app: cart}}\ningress:\n- ports: [{port: 8080}]");
    assertThat(of(lint(CLUSTER + p), "NP011")).isEmpty();
  }

  @Test
  void np012_namespaceWithoutDefaultDeny_reportedPerDirection() {
    List<Finding> f = of(lint(CLUSTER), "NP012");
    assertThat(f).extracting(Finding::object).containsOnly("Namespace shop", "Namespace web");
    assertThat(f).hasSize(4);
    assertThat(f)
        .extracting(Finding::message)
        .contains(
            "namespace web has no default-deny ingress policy: web/frontend[Deployment] is not"
                + " isolated for ingress");
  }

  @Test
  void np012_defaultDenyBothDirections_notReported() {
    String deny = policy("web", "deny-all", "podSelector: {}\npolicyTypes: [Ingress, Egress]");
    assertThat(of(lint(CLUSTER + deny), "NP012"))
        .extracting(Finding::object)
        .containsOnly("Namespace shop");
  }

  @Test
  void np013_samePriorityOverlappingSubjects_reportedAsError() {
    String a = anp("a", 5, "{namespaces: {}}", ALLOW_ALL_NS);
    String b = anp("b", 5, "{namespaces: {matchLabels: {team: web}}}", DENY_WEB);
    List<Finding> f = of(lint(CLUSTER + a + b), "NP013");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(f.get(0).object()).isEqualTo("AdminNetworkPolicy b");
    assertThat(f.get(0).message()).contains("both select web/frontend[Deployment]");
  }

  @Test
  void np013_samePriorityDisjointSubjects_notReported() {
    String a = anp("a", 5, "{namespaces: {matchLabels: {team: shop}}}", ALLOW_ALL_NS);
    String b = anp("b", 5, "{namespaces: {matchLabels: {team: web}}}", DENY_WEB);
    assertThat(of(lint(CLUSTER + a + b), "NP013")).isEmpty();
    assertThat(of(lint(CLUSTER + a + b.replace("priority: 5", "priority: 6")), "NP013")).isEmpty();
  }

  private static final String CNP_L7 =
      """
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: l7, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app: cart}}
        ingress:
        - fromEndpoints:
          - matchLabels: {k8s:io.kubernetes.pod.namespace: web}
          toPorts:
          - ports: [{port: "8080", protocol: TCP}]
            rules:
              http: [{method: GET, path: "/api/.*"}]
      ---
      """;

  @Test
  void np014_l4RuleOnSamePortAndPeer_reported() {
    String l4 =
        policy(
            "shop",
            "l4",
            """
            podSelector: {matchLabels: {app: cart}}
            ingress:
            - from: [{namespaceSelector: {matchLabels: {team: web}}}]
              ports: [{port: 8080}]
            """);
    List<Finding> f = of(lint(CLUSTER + CNP_L7 + l4), "NP014");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).object()).isEqualTo("CiliumNetworkPolicy shop/l7");
    assertThat(f.get(0).message())
        .contains("NetworkPolicy 'shop/l4' Ingress rule #1 allows TCP 8080 from web/frontend")
        .contains("no effect");
  }

  @Test
  void np014_l7RuleAlone_notReported() {
    assertThat(of(lint(CLUSTER + CNP_L7), "NP014")).isEmpty();
  }

  @Test
  void np015_cidrCoveringPodsUnderCilium_reported() {
    String pods = pod("shop", "api-0", "api", "10.244.1.5");
    LintReport r = lint(CLUSTER + pods + egressTo("0.0.0.0/0"), EngineProfile.CILIUM, Set.of());
    List<Finding> f = of(r, "NP015");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).contains("Cilium never matches pods with CIDR rules");
    assertThat(of(r, "NP007")).as("NP007 does not run under cilium").isEmpty();
  }

  @Test
  void np015_otherProfiles_orNoPodIps_notReported() {
    String pods = pod("shop", "api-0", "api", "10.244.1.5");
    assertThat(of(lint(CLUSTER + pods + egressTo("10.244.0.0/16")), "NP015")).isEmpty();
    assertThat(
            of(
                lint(CLUSTER + pods + egressTo("192.168.0.0/16"), EngineProfile.CILIUM, Set.of()),
                "NP015"))
        .isEmpty();
  }
}
