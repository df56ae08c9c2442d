package dev.gatehouse.netpol;

import static dev.gatehouse.netpol.AdminNetworkPolicySemanticsTest.CLUSTER;
import static dev.gatehouse.netpol.AdminNetworkPolicySemanticsTest.anp;
import static dev.gatehouse.netpol.AdminNetworkPolicySemanticsTest.banp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.engine.ConnectivityExplainer;
import dev.gatehouse.netpol.engine.ConnectivityExplanation;
import dev.gatehouse.netpol.engine.ConnectivityFocus;
import dev.gatehouse.netpol.engine.PairExplanation;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.output.ExplanationWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sentences of connectivity explanations, one test per wording, on the three-namespace cluster
 * of {@link AdminNetworkPolicySemanticsTest} (lions/web with port http 80, snakes/spy, badgers/dns
 * with port dns UDP 5353).
 */
class ExplanationWordingTest {
  private static final String WEB = "lions/web[Deployment]";
  private static final String SPY = "snakes/spy[Deployment]";
  private static final String DNS = "badgers/dns[Deployment]";
  private static final String SEPARATOR = "-".repeat(160) + "\n";
  private static final String EGRESS_DEFAULT =
      "\t\tEgress (Allowed) due to the system default (Allow all)\n";

  private static ConnectivityExplanation explain(String policies) {
    return ConnectivityExplainer.run(Pipeline.fromYaml(CLUSTER + "---\n" + policies));
  }

  /** The text block of one pair, without the section header. */
  private static String block(String policies, String src, String dst) {
    PairExplanation pair =
        explain(policies).pairs().stream()
            .filter(p -> p.src().label().equals(src) && p.dst().label().equals(dst))
            .findFirst()
            .orElseThrow();
    String txt = ExplanationWriter.txt(new ConnectivityExplanation(List.of(pair)));
    return txt.substring(txt.indexOf(SEPARATOR) + SEPARATOR.length());
  }

  private static String np(String name, String namespace, String spec) {
    return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + "}\nspec:\n"
        + spec.indent(2)
        + "---\n";
  }

  private static final String WEB_FROM_SNAKES_80 =
      np(
          "np",
          "lions",
          """
          podSelector: {matchLabels: {app: web}}
          ingress:
          - from: [{namespaceSelector: {matchLabels: {house: snakes}}}]
            ports: [{port: 80}]
          """);

  @Test
  void networkPolicy_ruleAllowsSomePorts_namesTheRuleAndTheMismatchOfTheRest() {
    assertThat(block(WEB_FROM_SNAKES_80, SPY, WEB))
        .isEqualTo(
            "Connections between snakes/spy[Deployment] => lions/web[Deployment]:\n\n"
                + "Allowed connections:\n"
                + "\tAllowed TCP:[80] due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Allowed)\n"
                + "\t\t\tNetworkPolicy 'lions/np' allows connections by Ingress rule #1\n\n"
                + "Denied connections:\n"
                + "\tDenied TCP:[1-79,81-65535], UDP, SCTP due to the following policies and"
                + " rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Denied)\n"
                + "\t\t\tNetworkPolicy 'lions/np' selects lions/web[Deployment], and Ingress rule"
                + " #1 selects snakes/spy[Deployment], but the protocols and ports do not match\n\n");
  }

  @Test
  void networkPolicy_isolatingPolicies_eachSayWhyTheyAllowNothing_asAList() {
    String policies =
        WEB_FROM_SNAKES_80
            + np(
                "deny-all",
                "lions",
                """
                podSelector: {}
                policyTypes: [Ingress]
                """);
    assertThat(block(policies, DNS, WEB))
        .contains(
            "\t\tIngress (Denied)\n"
                + "\t\t\tNetworkPolicy list:\n"
                + "\t\t\t\t- NetworkPolicy 'lions/deny-all' selects lions/web[Deployment], but"
                + " badgers/dns[Deployment] is not allowed by any Ingress rule (no rules defined)\n"
                + "\t\t\t\t- NetworkPolicy 'lions/np' selects lions/web[Deployment], but"
                + " badgers/dns[Deployment] is not allowed by any Ingress rule\n");
    assertThat(block(policies, SPY, WEB))
        .as("an allowing policy is named alone")
        .contains(
            "\t\tIngress (Allowed)\n"
                + "\t\t\tNetworkPolicy 'lions/np' allows connections by Ingress rule #1\n");
  }

  @Test
  void networkPolicy_namedPorts_resolveOnTheDestinationOrAreReportedUnmatched() {
    String policies =
        np(
            "named",
            "lions",
            """
            podSelector: {matchLabels: {app: web}}
            ingress:
            - from: [{namespaceSelector: {matchLabels: {house: snakes}}}]
              ports: [{port: metrics}]
            - from: [{namespaceSelector: {matchLabels: {house: badgers}}}]
              ports: [{port: http}]
            """);
    assertThat(block(policies, SPY, WEB))
        .contains(
            "\tDenied TCP, UDP, SCTP due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Denied)\n"
                + "\t\t\tNetworkPolicy 'lions/named' selects lions/web[Deployment], and Ingress"
                + " rule #1 selects snakes/spy[Deployment], but named ports of the rule have no"
                + " match in the configuration of the destination peer\n");
    assertThat(block(policies, DNS, WEB))
        .contains(
            "\tAllowed TCP:[80] due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Allowed)\n"
                + "\t\t\tNetworkPolicy 'lions/named' allows connections by Ingress rule #2\n");
  }

  @Test
  void adminNetworkPolicy_allowDenyAndPass_areNamedByRuleName_passWithTheLowerTier() {
    String policies =
        anp(
                "gate",
                10,
                """
                subject: {namespaces: {matchLabels: {house: lions}}}
                ingress:
                - name: allow-80
                  action: Allow
                  from: [{namespaces: {matchLabels: {house: snakes}}}]
                  ports: [{portNumber: {protocol: TCP, port: 80}}]
                - name: deny-81
                  action: Deny
                  from: [{namespaces: {matchLabels: {house: snakes}}}]
                  ports: [{portNumber: {protocol: TCP, port: 81}}]
                - name: pass-rest
                  action: Pass
                  from: [{namespaces: {matchLabels: {house: snakes}}}]
                """)
            + np(
                "dns-only",
                "lions",
                """
                podSelector: {}
                ingress:
                - ports: [{port: 53, protocol: UDP}]
                """);
    String pass = "\t\t\tAdminNetworkPolicy 'gate' passes connections by Ingress rule pass-rest\n";
    assertThat(block(policies, SPY, WEB))
        .isEqualTo(
            "Connections between snakes/spy[Deployment] => lions/web[Deployment]:\n\n"
                + "Allowed connections:\n"
                + "\tAllowed TCP:[80] due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Allowed)\n"
                + "\t\t\tAdminNetworkPolicy 'gate' allows connections by Ingress rule allow-80\n\n"
                + "\tAllowed UDP:[53] due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Allowed)\n"
                + pass
                + "\t\t\tNetworkPolicy 'lions/dns-only' allows connections by Ingress rule #1\n\n"
                + "Denied connections:\n"
                + "\tDenied TCP:[1-79,82-65535], UDP:[1-52,54-65535], SCTP due to the following"
                + " policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Denied)\n"
                + pass
                + "\t\t\tNetworkPolicy 'lions/dns-only' selects lions/web[Deployment], and Ingress"
                + " rule #1 selects snakes/spy[Deployment], but the protocols and ports do not"
                + " match\n\n"
                + "\tDenied TCP:[81] due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Denied)\n"
                + "\t\t\tAdminNetworkPolicy 'gate' denies connections by Ingress rule deny-81\n\n");
  }

  @Test
  void baselineAdminNetworkPolicy_decidesPassedAndUnmatchedTraffic_firstRuleWins() {
    String policies =
        anp(
                "gate",
                10,
                """
                subject: {namespaces: {matchLabels: {house: lions}}}
                ingress:
                - name: pass-snakes-tcp
                  action: Pass
                  from: [{namespaces: {matchLabels: {house: snakes}}}]
                  ports: [{portRange: {protocol: TCP, start: 1, end: 65535}}]
                """)
            + banp(
                """
                subject: {namespaces: {matchLabels: {house: lions}}}
                ingress:
                - name: allow-8080
                  action: Allow
                  from: [{namespaces: {}}]
                  ports: [{portNumber: {protocol: TCP, port: 8080}}]
                - name: deny-all
                  action: Deny
                  from: [{namespaces: {}}]
                """);
    String text = block(policies, SPY, WEB);
    assertThat(text)
        .contains(
            "\tAllowed TCP:[8080] due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Allowed)\n"
                + "\t\t\tAdminNetworkPolicy 'gate' passes connections by Ingress rule"
                + " pass-snakes-tcp\n"
                + "\t\t\tBaselineAdminNetworkPolicy 'default' allows connections by Ingress rule"
                + " allow-8080\n")
        .contains(
            "\tDenied TCP:[1-8079,8081-65535] due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Denied)\n"
                + "\t\t\tAdminNetworkPolicy 'gate' passes connections by Ingress rule"
                + " pass-snakes-tcp\n"
                + "\t\t\tBaselineAdminNetworkPolicy 'default' denies connections by Ingress rule"
                + " deny-all\n")
        .contains(
            "\tDenied UDP, SCTP due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Denied)\n"
                + "\t\t\tBaselineAdminNetworkPolicy 'default' denies connections by Ingress rule"
                + " deny-all\n");
  }

  @Test
  void pass_withoutLowerTiers_isAllowedByTheSystemDefault_namedAfterThePass() {
    String policies =
        anp(
            "gate",
            10,
            """
            subject: {namespaces: {matchLabels: {house: lions}}}
            ingress:
            - name: pass-snakes
              action: Pass
              from: [{namespaces: {matchLabels: {house: snakes}}}]
            """);
    assertThat(block(policies, SPY, WEB))
        .isEqualTo(
            "Connections between snakes/spy[Deployment] => lions/web[Deployment]:\n\n"
                + "Allowed connections:\n"
                + "\tAllowed TCP, UDP, SCTP due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Allowed)\n"
                + "\t\t\tAdminNetworkPolicy 'gate' passes connections by Ingress rule"
                + " pass-snakes\n"
                + "\t\t\tthe system default (Allow all)\n\n");
  }

  private static final String LIONS_DENY_ALL_INGRESS =
      np(
          "deny-all",
          "lions",
          """
          podSelector: {}
          policyTypes: [Ingress]
          """);

  private static final String DENY_ALL_FROM_DNS =
      "\t\t\tNetworkPolicy 'lions/deny-all' selects lions/web[Deployment], but"
          + " badgers/dns[Deployment] is not allowed by any Ingress rule (no rules defined)\n";

  @Test
  void isolationWithoutAllows_afterAnAdminRuleWithPorts_losesTheSidesReasonsAsNetpolAnalyzer() {
    String policies =
        anp(
                "gate",
                10,
                """
                subject: {namespaces: {matchLabels: {house: lions}}}
                ingress:
                - name: allow-80
                  action: Allow
                  from: [{namespaces: {matchLabels: {house: snakes}}}]
                  ports: [{portNumber: {protocol: TCP, port: 80}}]
                """)
            + LIONS_DENY_ALL_INGRESS;
    assertThat(block(policies, SPY, WEB))
        .isEqualTo(
            "Connections between snakes/spy[Deployment] => lions/web[Deployment]:\n\n"
                + "Allowed connections:\n"
                + "\tAllowed TCP:[80] due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Allowed)\n"
                + "\t\t\tAdminNetworkPolicy 'gate' allows connections by Ingress rule allow-80\n\n"
                + "Denied connections:\n"
                + "\tDenied TCP:[1-79,81-65535], UDP, SCTP due to the following policies and"
                + " rules:\n"
                + EGRESS_DEFAULT
                + "\n");
    assertThat(block(policies, DNS, WEB))
        .as("no admin rule matches badgers: the isolation is named")
        .contains("\t\tIngress (Denied)\n" + DENY_ALL_FROM_DNS);
  }

  @Test
  void isolationWithoutAllows_afterAPassWithPorts_losesThePassAndTheIsolation() {
    String policies =
        anp(
                "gate",
                10,
                """
                subject: {namespaces: {matchLabels: {house: lions}}}
                ingress:
                - name: pass-80
                  action: Pass
                  from: [{namespaces: {matchLabels: {house: badgers}}}]
                  ports: [{portNumber: {protocol: TCP, port: 80}}]
                """)
            + LIONS_DENY_ALL_INGRESS;
    assertThat(block(policies, DNS, WEB))
        .isEqualTo(
            "Connections between badgers/dns[Deployment] => lions/web[Deployment]:\n\n"
                + "Denied connections:\n"
                + "\tDenied TCP, UDP, SCTP due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\n");
  }

  @Test
  void isolationWithoutAllows_afterAPortlessPass_keepsThePassAndTheIsolation() {
    String policies =
        anp(
                "gate",
                10,
                """
                subject: {namespaces: {matchLabels: {house: lions}}}
                ingress:
                - name: pass-badgers
                  action: Pass
                  from: [{namespaces: {matchLabels: {house: badgers}}}]
                """)
            + LIONS_DENY_ALL_INGRESS;
    assertThat(block(policies, DNS, WEB))
        .isEqualTo(
            "Connections between badgers/dns[Deployment] => lions/web[Deployment]:\n\n"
                + "Denied connections:\n"
                + "\tDenied TCP, UDP, SCTP due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Denied)\n"
                + "\t\t\tAdminNetworkPolicy 'gate' passes connections by Ingress rule"
                + " pass-badgers\n"
                + DENY_ALL_FROM_DNS
                + "\n");
  }

  @Test
  void isolationWithoutAllows_onBothSides_printsThePartWithoutReasons() {
    String policies =
        anp(
                "gate",
                10,
                """
                subject: {namespaces: {}}
                ingress:
                - name: in-80
                  action: Allow
                  from: [{namespaces: {}}]
                  ports: [{portNumber: {protocol: TCP, port: 80}}]
                egress:
                - name: out-80
                  action: Allow
                  to: [{namespaces: {}}]
                  ports: [{portNumber: {protocol: TCP, port: 80}}]
                """)
            + LIONS_DENY_ALL_INGRESS
            + np(
                "deny-out",
                "snakes",
                """
                podSelector: {}
                policyTypes: [Egress]
                """);
    assertThat(block(policies, SPY, WEB))
        .endsWith("Denied connections:\n\tDenied TCP:[1-79,81-65535], UDP, SCTP\n\n");
  }

  @Test
  void systemDefault_pairsNoPolicyDecides_areListedInTheirOwnSection() {
    String txt = ExplanationWriter.txt(explain(WEB_FROM_SNAKES_80));
    String header =
        "#".repeat(57) + "\n# All Connections due to the system default (Allow all) #\n";
    assertThat(txt)
        .startsWith("\n" + "#".repeat(42) + "\n# Specific connections and their reasons #\n");
    String defaults = txt.substring(txt.indexOf(header) + header.length() + 58);
    assertThat(defaults.lines())
        .containsExactly(
            "0.0.0.0-255.255.255.255[External] => badgers/dns[Deployment]",
            "0.0.0.0-255.255.255.255[External] => snakes/spy[Deployment]",
            "badgers/dns[Deployment] => 0.0.0.0-255.255.255.255[External]",
            "badgers/dns[Deployment] => snakes/spy[Deployment]",
            "lions/web[Deployment] => 0.0.0.0-255.255.255.255[External]",
            "lions/web[Deployment] => badgers/dns[Deployment]",
            "lions/web[Deployment] => snakes/spy[Deployment]",
            "snakes/spy[Deployment] => 0.0.0.0-255.255.255.255[External]",
            "snakes/spy[Deployment] => badgers/dns[Deployment]");
    assertThat(txt).contains("Connections between badgers/dns[Deployment] => lions/web");
  }

  @Test
  void addressPeers_areNamedWithTheirRange() {
    String policies =
        np(
            "out",
            "lions",
            """
            podSelector: {matchLabels: {app: web}}
            policyTypes: [Egress]
            egress:
            - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
              ports: [{port: 443}]
            """);
    String tenNet = "10.0.0.0-10.255.255.255[External]";
    assertThat(block(policies, WEB, tenNet))
        .contains(
            "\tAllowed TCP:[443] due to the following policies and rules:\n"
                + "\t\tEgress (Allowed)\n"
                + "\t\t\tNetworkPolicy 'lions/out' allows connections by Egress rule #1\n"
                + "\t\tIngress (Allowed) due to the system default (Allow all)\n")
        .contains(
            "\t\t\tNetworkPolicy 'lions/out' selects lions/web[Deployment], and Egress rule #1"
                + " selects "
                + tenNet
                + ", but the protocols and ports do not match\n");
    assertThat(block(policies, WEB, "0.0.0.0-9.255.255.255[External]"))
        .contains(
            "\t\tEgress (Denied)\n"
                + "\t\t\tNetworkPolicy 'lions/out' selects lions/web[Deployment], but"
                + " 0.0.0.0-9.255.255.255[External] is not allowed by any Egress rule\n");
  }

  @Test
  void ingressController_isAllowedThroughTheObjectsThatExposeTheWorkload() {
    String exposure =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web-svc, namespace: lions}
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: 80}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web-ing, namespace: lions}
        spec:
          defaultBackend: {service: {name: web-svc, port: {number: 80}}}
        ---
        """;
    String text = block(exposure, "{ingress-controller}", WEB);
    assertThat(text)
        .isEqualTo(
            "Connections between {ingress-controller} => lions/web[Deployment]:\n\n"
                + "Allowed connections:\n"
                + "\tAllowed TCP:[80] due to the following policies and rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Allowed)\n"
                + "\t\t\tIngress 'lions/web-ing' allows ingress connections through service"
                + " web-svc\n\n"
                + "Denied connections:\n"
                + "\tDenied TCP:[1-79,81-65535], UDP, SCTP due to the following policies and"
                + " rules:\n"
                + EGRESS_DEFAULT
                + "\t\tIngress (Denied)\n"
                + "\t\t\tIngress 'lions/web-ing' allows ingress to service web-svc, but the"
                + " protocols and ports do not match\n\n");
  }

  @Test
  void views_focusConnectionAndExplainOnly_narrowThePairs() {
    ConnectivityExplanation all = explain(WEB_FROM_SNAKES_80);
    ConnectivityExplanation onWeb =
        all.focus(ConnectivityFocus.on(List.of("web")))
            .restrictTo(ConnectionSet.of(Protocol.TCP, PortSet.of(80)));
    assertThat(onWeb.pairs())
        .allMatch(p -> p.src().label().equals(WEB) || p.dst().label().equals(WEB));
    assertThat(onWeb.pairs())
        .allMatch(
            p -> p.parts().size() == 1 && p.parts().getFirst().portsText().equals("TCP:[80]"));
    assertThat(onWeb.only(true).pairs())
        .extracting(p -> p.src().label() + " => " + p.dst().label())
        .containsExactly(
            WEB + " => 0.0.0.0-255.255.255.255[External]",
            WEB + " => " + DNS,
            WEB + " => " + SPY,
            SPY + " => " + WEB);
    assertThat(onWeb.only(false).pairs())
        .extracting(p -> p.src().label() + " => " + p.dst().label())
        .containsExactly("0.0.0.0-255.255.255.255[External] => " + WEB, DNS + " => " + WEB);
    assertThat(all.focus(ConnectivityFocus.on(List.of("nothing-here"))).pairs()).isEmpty();
    ConnectivityFocus spyEgress =
        new ConnectivityFocus(List.of("spy"), List.of("web", "dns"), Optional.of(Direction.EGRESS));
    assertThat(
            ConnectivityExplainer.run(
                Pipeline.fromYaml(CLUSTER + "---\n" + WEB_FROM_SNAKES_80), spyEgress))
        .as("focusing while explaining is focusing the explanation")
        .isEqualTo(all.focus(spyEgress))
        .extracting(e -> e.pairs().size())
        .isEqualTo(2);
  }
}
