package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.Verdict;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * One test per point of AdminNetworkPolicy / BaselineAdminNetworkPolicy semantics
 * (policy.networking.k8s.io/v1alpha1) and their precedence over NetworkPolicy.
 */
class AdminNetworkPolicySemanticsTest {
  /** Three namespaces: lions (web with named ports), snakes (spy), badgers (dns server). */
  static final String CLUSTER =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: lions, labels: {house: lions}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: snakes, labels: {house: snakes}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: badgers, labels: {house: badgers}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: lions}
      spec:
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: c, ports: [{containerPort: 80, name: http}]}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: spy, namespace: snakes}
      spec:
        template:
          metadata: {labels: {app: spy}}
          spec: {containers: [{name: c}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: dns, namespace: badgers}
      spec:
        template:
          metadata: {labels: {app: dns}}
          spec:
            containers:
            - name: c
              ports: [{containerPort: 5353, name: dns, protocol: UDP}]
      """;

  private static String conn(String policies, String src, String dst) {
    CompiledNetwork net = Pipeline.fromYaml(CLUSTER + "---\n" + policies);
    return net.allowed(net.resolve(src).orElseThrow(), net.resolve(dst).orElseThrow()).toString();
  }

  static String anp(String name, int priority, String spec) {
    return "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: "
        + name
        + "}\nspec:\n  priority: "
        + priority
        + "\n"
        + spec.indent(2)
        + "---\n";
  }

  static String banp(String spec) {
    return "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec:\n"
        + spec.indent(2)
        + "---\n";
  }

  private static String np(String ns, String spec) {
    return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np, namespace: "
        + ns
        + "}\nspec:\n"
        + spec.indent(2)
        + "---\n";
  }

  /** An ingress rule list for subject {@code lions} from {@code snakes}. */
  private static String lionsFromSnakes(String rules) {
    return "subject: {namespaces: {matchLabels: {house: lions}}}\ningress:\n" + rules;
  }

  private static String rule(String action, String extra) {
    return "- action: "
        + action
        + "\n  from: [{namespaces: {matchLabels: {house: snakes}}}]\n"
        + (extra.isEmpty() ? "" : "  " + extra + "\n");
  }

  @Test
  void allow_overridesNetworkPolicyIsolation() {
    String p =
        np("lions", "podSelector: {}\npolicyTypes: [Ingress]")
            + anp("a", 10, lionsFromSnakes(rule("Allow", "")));
    assertThat(conn(p, "snakes/spy", "lions/web")).isEqualTo("All Connections");
    assertThat(conn(p, "badgers/dns", "lions/web")).isEqualTo("No Connections");
  }

  @Test
  void deny_beatsNetworkPolicyAllow() {
    String p =
        np("lions", "podSelector: {}\ningress: [{}]")
            + anp("a", 10, lionsFromSnakes(rule("Deny", "ports: [{portNumber: {port: 80}}]")));
    assertThat(conn(p, "snakes/spy", "lions/web"))
        .isEqualTo("SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535");
  }

  @Test
  void priority_lowerNumberWins_whateverTheInputOrder() {
    String deny = lionsFromSnakes(rule("Deny", ""));
    String allow = lionsFromSnakes(rule("Allow", ""));
    assertThat(conn(anp("x", 20, allow) + anp("y", 10, deny), "snakes/spy", "lions/web"))
        .isEqualTo("No Connections");
    assertThat(conn(anp("x", 10, allow) + anp("y", 20, deny), "snakes/spy", "lions/web"))
        .isEqualTo("All Connections");
  }

  @Test
  void rules_firstMatchWinsWithinAPolicy() {
    String p =
        anp(
            "a",
            10,
            lionsFromSnakes(
                rule("Allow", "ports: [{portNumber: {protocol: UDP, port: 53}}]")
                    + rule("Deny", "")));
    assertThat(conn(p, "snakes/spy", "lions/web")).isEqualTo("UDP 53");
  }

  @Test
  void noMatchingRule_leavesTheSubjectUnaffected() {
    String p =
        anp(
            "a",
            10,
            "subject: {namespaces: {matchLabels: {house: lions}}}\n"
                + "ingress:\n- action: Deny\n  from: [{namespaces: {matchLabels: {house: badgers}}}]");
    assertThat(conn(p, "snakes/spy", "lions/web")).isEqualTo("All Connections");
    assertThat(conn(p, "badgers/dns", "lions/web")).isEqualTo("No Connections");
  }

  @Test
  void pass_withNetworkPolicy_networkPolicyDecidesAndBaselineIsIgnored() {
    String p =
        anp("a", 10, lionsFromSnakes(rule("Pass", "")))
            + np("lions", "podSelector: {}\ningress: [{ports: [{port: 8080}]}]")
            + banp(lionsFromSnakes(rule("Deny", "")));
    assertThat(conn(p, "snakes/spy", "lions/web")).isEqualTo("TCP 8080");
  }

  @Test
  void pass_withoutNetworkPolicy_baselineDecides() {
    String p =
        anp("a", 10, lionsFromSnakes(rule("Pass", "ports: [{portNumber: {port: 80}}]")))
            + banp(lionsFromSnakes(rule("Deny", "")));
    assertThat(conn(p, "snakes/spy", "lions/web")).isEqualTo("No Connections");
  }

  @Test
  void pass_skipsLaterAdminRulesAndPolicies() {
    String p =
        anp("a", 10, lionsFromSnakes(rule("Pass", "")))
            + anp("b", 20, lionsFromSnakes(rule("Deny", "")));
    assertThat(conn(p, "snakes/spy", "lions/web")).isEqualTo("All Connections");
  }

  @Test
  void explain_passedConnectionsAreNotClaimedByLaterAdminRules() {
    String p =
        anp("a", 10, lionsFromSnakes(rule("Pass", "")))
            + anp("b", 20, lionsFromSnakes(rule("Deny", "")))
            + banp(lionsFromSnakes(rule("Deny", "ports: [{portNumber: {port: 80}}]")));
    CompiledNetwork net = Pipeline.fromYaml(CLUSTER + "---\n" + p);
    Verdict v =
        net.explain(
            net.resolve("snakes/spy").orElseThrow(),
            net.resolve("lions/web").orElseThrow(),
            Optional.of(Protocol.TCP),
            OptionalInt.of(80));
    assertThat(v.allowed()).isFalse();
    assertThat(v.ingress().reasons())
        .extracting(r -> r.effect() + " " + r.origin().map(o -> o.policy()).orElse(""))
        .containsExactly("PASS a", "DENY default");
  }

  @Test
  void baseline_deny_appliesOnlyWithoutNetworkPolicyIsolation() {
    String b = banp(lionsFromSnakes(rule("Deny", "")));
    assertThat(conn(b, "snakes/spy", "lions/web")).isEqualTo("No Connections");
    String isolated = b + np("lions", "podSelector: {}\ningress: [{ports: [{port: 80}]}]");
    assertThat(conn(isolated, "snakes/spy", "lions/web")).isEqualTo("TCP 80");
  }

  @Test
  void baseline_allowShadowsLaterDeny() {
    String p =
        banp(
            lionsFromSnakes(rule("Allow", "ports: [{portNumber: {port: 80}}]") + rule("Deny", "")));
    assertThat(conn(p, "snakes/spy", "lions/web")).isEqualTo("TCP 80");
  }

  @Test
  void egressAndIngress_bothSidesMustAllow() {
    String p =
        anp(
                "a",
                10,
                "subject: {namespaces: {matchLabels: {house: snakes}}}\n"
                    + "egress:\n- action: Deny\n  to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}]")
            + anp("b", 20, lionsFromSnakes(rule("Allow", "")));
    assertThat(conn(p, "snakes/spy", "lions/web")).isEqualTo("No Connections");
    assertThat(conn(p, "snakes/spy", "badgers/dns")).isEqualTo("All Connections");
  }

  @Test
  void subjectPods_selectsPodsInSelectedNamespaces() {
    String p =
        anp(
            "a",
            10,
            "subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: dns}}}}\n"
                + "ingress:\n- action: Deny\n  from: [{namespaces: {}}]");
    assertThat(conn(p, "snakes/spy", "badgers/dns")).isEqualTo("No Connections");
    assertThat(conn(p, "snakes/spy", "lions/web")).isEqualTo("All Connections");
  }

  @Test
  void namedPort_egress_resolvesOnTheDestinationWithItsProtocol() {
    String p =
        anp(
            "a",
            10,
            "subject: {namespaces: {matchLabels: {house: snakes}}}\n"
                + "egress:\n- action: Allow\n  to: [{namespaces: {}}]\n  ports: [{namedPort: dns}]\n"
                + "- action: Deny\n  to: [{namespaces: {}}]");
    assertThat(conn(p, "snakes/spy", "badgers/dns")).isEqualTo("UDP 5353");
    assertThat(conn(p, "snakes/spy", "lions/web")).isEqualTo("No Connections");
  }

  @Test
  void namedPort_ingress_resolvesOnTheSubject() {
    String p =
        anp(
            "a",
            10,
            lionsFromSnakes(rule("Allow", "ports: [{namedPort: http}]") + rule("Deny", "")));
    assertThat(conn(p, "snakes/spy", "lions/web")).isEqualTo("TCP 80");
  }

  @Test
  void portRange_isInclusiveWithItsProtocol() {
    String p =
        anp(
            "a",
            10,
            lionsFromSnakes(
                rule("Allow", "ports: [{portRange: {protocol: SCTP, start: 9000, end: 9002}}]")
                    + rule("Deny", "")));
    assertThat(conn(p, "snakes/spy", "lions/web")).isEqualTo("SCTP 9000-9002");
  }

  @Test
  void networks_matchAddressesOnlyNeverPods() {
    String p =
        anp(
            "a",
            10,
            "subject: {namespaces: {}}\n"
                + "egress:\n- action: Deny\n  to: [{networks: [8.8.8.0/24]}]\n"
                + "- action: Deny\n  to: [{networks: [0.0.0.0/0]}]\n  ports: [{portNumber: {port: 443}}]");
    assertThat(conn(p, "lions/web", "8.8.8.8")).isEqualTo("No Connections");
    assertThat(conn(p, "lions/web", "1.1.1.1"))
        .isEqualTo("SCTP 1-65535,TCP 1-442,444-65535,UDP 1-65535");
    assertThat(conn(p, "lions/web", "badgers/dns")).isEqualTo("All Connections");
  }

  @Test
  void networks_passToBaselineDeny() {
    String p =
        anp(
                "a",
                10,
                "subject: {namespaces: {}}\negress:\n- action: Pass\n  to: [{networks: [10.0.0.0/8]}]")
            + banp(
                "subject: {namespaces: {}}\negress:\n- action: Deny\n  to: [{networks: [0.0.0.0/0]}]");
    assertThat(conn(p, "lions/web", "10.1.2.3")).isEqualTo("No Connections");
    assertThat(conn(p, "lions/web", "badgers/dns")).isEqualTo("All Connections");
  }

  @Test
  void networks_ipv6CidrsApplyToIpv6Addresses() {
    String p =
        anp(
            "a",
            10,
            "subject: {namespaces: {}}\negress:\n- action: Deny\n  to: [{networks: ['2001:db8::/32']}]");
    assertThat(conn(p, "lions/web", "2001:db8::1")).isEqualTo("No Connections");
    assertThat(conn(p, "lions/web", "2001:db9::1")).isEqualTo("All Connections");
  }

  @Test
  void namedPort_withNetworksPeer_matchesOnlyThePods() {
    String p =
        anp(
            "a",
            10,
            "subject: {namespaces: {matchLabels: {house: snakes}}}\n"
                + "egress:\n- action: Deny\n  to: [{networks: [1.2.3.4/32]}, {namespaces: {}}]\n  ports: [{namedPort: dns}]");
    assertThat(conn(p, "snakes/spy", "1.2.3.4")).isEqualTo("All Connections");
    assertThat(conn(p, "snakes/spy", "badgers/dns"))
        .isEqualTo("SCTP 1-65535,TCP 1-65535,UDP 1-5352,5354-65535");
  }
}
