package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityFocus;
import dev.gatehouse.netpol.engine.ExposureAnalysis;
import dev.gatehouse.netpol.engine.ExposureReport;
import dev.gatehouse.netpol.engine.FocusConnection;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.output.ExposureWriter;
import dev.gatehouse.netpol.output.OutputFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Exposure analysis on small clusters: representative peers and their labels, the entire cluster,
 * unprotected workloads, named ports, admin tiers and focus options.
 */
class ExposureAnalysisTest {
  /** Namespace shop (api with a named port, db), namespace tools (probe, no policy). */
  private static final String CLUSTER =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {tier: app}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: tools}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: api}}
          spec: {containers: [{name: c, ports: [{containerPort: 8443, name: https}]}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: db, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: db}}
          spec: {containers: [{name: c}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: probe, namespace: tools, labels: {app: probe}}
      spec: {containers: [{name: c}]}
      """;

  private static String policy(String name, String spec) {
    return "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: "
        + name
        + ", namespace: shop}\nspec:\n"
        + spec.indent(2);
  }

  private static ExposureReport analyse(String policies, ConnectivityFocus focus) {
    CompiledNetwork net = Pipeline.fromYaml(CLUSTER + policies);
    return ExposureAnalysis.run(net, focus, Optional.empty());
  }

  /** The exposure lines of the txt output (after the header), tabs shown as {@code |}. */
  private static List<String> exposureLines(String policies) {
    String txt = ExposureWriter.render(analyse(policies, ConnectivityFocus.NONE), OutputFormat.TXT);
    String tail = txt.substring(txt.indexOf("Exposure Analysis Result:"));
    return tail.lines().skip(1).map(l -> l.replace('\t', '|')).toList();
  }

  @Test
  void render_namespaceAndPodSelectors_printsRepresentativePeers() {
    String p =
        policy(
            "api",
            """
            podSelector: {matchLabels: {app: api}}
            policyTypes: [Ingress, Egress]
            ingress:
            - from:
              - podSelector:
                  matchExpressions: [{key: role, operator: In, values: [web, edge]}]
            egress:
            - to:
              - namespaceSelector: {matchLabels: {team: data, env: prod}}
                podSelector: {matchLabels: {app: cache}}
              - namespaceSelector: {}
                podSelector: {matchLabels: {app: dns}}
            """);
    assertThat(exposureLines(p))
        .contains(
            "shop/api[Deployment] |=> |[all namespaces]/[pod with {app=dns}] : All Connections",
            "shop/api[Deployment] |=> |[namespace with {env=prod,team=data}]/[pod with {app=cache}]"
                + " : All Connections",
            "shop/api[Deployment] |<= |shop/[pod with {{Key:role,Operator:In,Values:[web edge],}}]"
                + " : All Connections");
  }

  @Test
  void representative_matchedByExistingWorkload_isDropped() {
    String p =
        policy(
            "db",
            """
            podSelector: {matchLabels: {app: db}}
            ingress:
            - from: [{podSelector: {matchLabels: {app: api}}}, {podSelector: {matchLabels: {app: web}}}]
              ports: [{port: 5432}]
            """);
    List<String> lines = exposureLines(p);
    assertThat(lines)
        .contains("shop/db[Deployment]  |<= |shop/[pod with {app=web}] : TCP 5432")
        .noneMatch(l -> l.contains("app=api"));
  }

  @Test
  void unprotectedWorkloads_areListedPerDirectionAndExposedToTheEntireCluster() {
    String p = policy("db", "podSelector: {matchLabels: {app: db}}\npolicyTypes: [Ingress]");
    List<String> lines = exposureLines(p);
    assertThat(lines)
        .contains(
            "shop/db[Deployment]  |=> |entire-cluster : All Connections",
            "tools/probe[Pod]     |<= |entire-cluster : All Connections",
            "Workloads not protected by network policies:",
            "shop/api[Deployment] is not protected on Egress",
            "shop/api[Deployment] is not protected on Ingress",
            "shop/db[Deployment] is not protected on Egress",
            "tools/probe[Pod] is not protected on Ingress")
        .doesNotContain("shop/db[Deployment] is not protected on Ingress")
        .noneMatch(l -> l.startsWith("shop/db[Deployment]  |<="));
  }

  @Test
  void entireClusterRule_withPorts_exposesThosePortsOnly() {
    String p =
        policy(
            "api",
            """
            podSelector: {matchLabels: {app: api}}
            ingress: [{from: [{namespaceSelector: {}}], ports: [{port: https}, {port: 9090}]}]
            """);
    assertThat(exposureLines(p))
        .contains("shop/api[Deployment] |<= |entire-cluster : TCP 8443,9090");
  }

  @Test
  void namedPort_towardsRepresentativePeer_staysAName() {
    String p =
        policy(
            "api",
            """
            podSelector: {matchLabels: {app: api}}
            policyTypes: [Egress]
            egress: [{to: [{podSelector: {matchLabels: {app: metrics}}}], ports: [{port: scrape}]}]
            """);
    assertThat(exposureLines(p))
        .contains("shop/api[Deployment] |=> |shop/[pod with {app=metrics}] : TCP scrape");
  }

  @Test
  void adminDeny_excludesARepresentativeFromAnEntireClusterExposure() {
    String anp =
        """
        ---
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: guard}
        spec:
          priority: 5
          subject: {namespaces: {matchLabels: {tier: app}}}
          ingress:
          - {name: no-legacy, action: Deny, from: [{namespaces: {matchLabels: {legacy: "true"}}}]}
          - {name: rest, action: Allow, from: [{namespaces: {}}]}
        """;
    List<String> lines = exposureLines(anp);
    assertThat(lines)
        .contains(
            "shop/api[Deployment] |<= |[namespace with {legacy=true}]/[all pods] : No Connections",
            "shop/api[Deployment] |<= |entire-cluster : All Connections");
  }

  @Test
  void focusWorkloadAndDirection_limitTheAnalysis() {
    String p = policy("db", "podSelector: {matchLabels: {app: db}}\npolicyTypes: [Ingress]");
    ExposureReport r =
        analyse(
            p, new ConnectivityFocus(List.of("shop/db"), List.of(), Optional.of(Direction.EGRESS)));
    assertThat(r.workloads()).hasSize(1);
    ExposureReport.ExposedWorkload db = r.workloads().getFirst();
    assertThat(db.workload().label()).isEqualTo("shop/db[Deployment]");
    assertThat(db.ingress().entries()).isEmpty();
    assertThat(db.egress().isProtected()).isFalse();
  }

  @Test
  void focusConnection_keepsEntriesThatAllowIt() {
    String p =
        policy(
            "api",
            """
            podSelector: {matchLabels: {app: api}}
            ingress:
            - from: [{namespaceSelector: {}}]
              ports: [{port: 80}]
            - from: [{namespaceSelector: {matchLabels: {team: ops}}}]
              ports: [{port: 22}]
            """);
    CompiledNetwork net = Pipeline.fromYaml(CLUSTER + p);
    String on22 =
        ExposureWriter.render(
            ExposureAnalysis.run(
                net, ConnectivityFocus.NONE, Optional.of(FocusConnection.parse("tcp-22"))),
            OutputFormat.TXT);
    assertThat(on22)
        .contains("Permitted connections on TCP 22:")
        .contains("Exposure Analysis Result On TCP 22:")
        .contains("shop/api[Deployment] \t<= \t[namespace with {team=ops}]/[all pods]\n")
        .doesNotContain("entire-cluster : ")
        .doesNotContain("not protected");
    String on80 =
        ExposureWriter.render(
            ExposureAnalysis.run(
                net, ConnectivityFocus.NONE, Optional.of(FocusConnection.parse("TCP-80"))),
            OutputFormat.TXT);
    assertThat(on80)
        .contains("shop/api[Deployment] \t<= \tentire-cluster\n")
        .doesNotContain("team=ops");
  }

  @Test
  void json_emptyExposureSection_isNull() {
    String p = policy("all", "podSelector: {}\npolicyTypes: [Ingress, Egress]");
    String json =
        ExposureWriter.render(
            analyse(p, ConnectivityFocus.on(List.of("shop/db"))), OutputFormat.JSON);
    assertThat(json)
        .isEqualTo(
            """
            {
              "connlist_results": [],
              "exposure_results": {
                "egress_exposure": null,
                "ingress_exposure": null
              }
            }""");
  }
}
