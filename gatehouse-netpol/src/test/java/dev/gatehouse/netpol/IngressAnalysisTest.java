package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.engine.Connection;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.ConnectivityFocus;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.ir.Direction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code {ingress-controller}} peer: Ingress and Route objects lead through Services to
 * workload ports, and the policies decide what the controller (a label-less pod in namespace {@code
 * ingress-controller-ns}) may reach of them.
 */
class IngressAnalysisTest {
  /** A deployment with ports http=8080 (TCP), 9090 and metrics=9100/UDP, and its Service. */
  static final String APP =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: c
              ports:
              - {containerPort: 8080, name: http}
              - {containerPort: 9090}
              - {containerPort: 9100, name: metrics, protocol: UDP}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec:
        selector: {app: web}
        ports:
        - {name: front, port: 80, targetPort: http}
        - {name: admin, port: 9090}
        - {name: stats, port: 9100, targetPort: metrics}
        - {name: other, port: 7000}
      ---
      """;

  private record Result(List<String> lines, List<Diagnostic> diagnostics) {}

  private static Result run(String yaml) {
    Diagnostics d = new Diagnostics();
    ConnectivityReport report =
        ConnectivityAnalysis.run(Pipeline.compile(KubeLoader.parse(yaml, "i.yaml", d), d));
    List<String> lines =
        report.connections().stream()
            .filter(c -> c.src().label().equals("{ingress-controller}"))
            .map(IngressAnalysisTest::line)
            .toList();
    return new Result(lines, d.all());
  }

  private static String line(Connection c) {
    return c.src().label() + " => " + c.dst().label() + " : " + c.conns();
  }

  private static String route(String port) {
    return "apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: r, namespace: shop}\nspec:\n  to: {kind: Service, name: web}\n"
        + (port.isEmpty() ? "" : "  port: {targetPort: " + port + "}\n")
        + "---\n";
  }

  private static String ingress(String service, String port) {
    return "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i, namespace: shop}\nspec:\n  defaultBackend:\n    service: {name: "
        + service
        + ", port: "
        + port
        + "}\n---\n";
  }

  @Test
  void routeWithoutPort_reachesEveryServiceTargetThatIsATcpContainerPort() {
    assertThat(run(APP + route("")).lines())
        .containsExactly("{ingress-controller} => shop/web[Deployment] : TCP 8080,9090");
  }

  @Test
  void servicePort_isMatchedByNameNumberOrTargetPort() {
    assertThat(run(APP + ingress("web", "{name: front}")).lines())
        .containsExactly("{ingress-controller} => shop/web[Deployment] : TCP 8080");
    assertThat(run(APP + ingress("web", "{number: 9090}")).lines())
        .containsExactly("{ingress-controller} => shop/web[Deployment] : TCP 9090");
    assertThat(run(APP + route("http")).lines())
        .containsExactly("{ingress-controller} => shop/web[Deployment] : TCP 8080");
  }

  @Test
  void namedTargetPortOfAnotherProtocol_andPortsTheWorkloadLacks_areNotReached() {
    Result r = run(APP + ingress("web", "{name: stats}") + ingress("web", "{number: 7000}"));
    assertThat(r.lines()).isEmpty();
  }

  @Test
  void missingService_isAWarningAtTheIngress() {
    Result r = run(APP + ingress("nope", "{number: 80}"));
    assertThat(r.lines()).isEmpty();
    assertThat(r.diagnostics())
        .filteredOn(d -> d.severity() == Severity.WARNING)
        .extracting(Diagnostic::render)
        .containsExactly(
            "i.yaml:26: warning: Ingress shop/i: service nope not found in its namespace; ignored");
  }

  @Test
  void networkPolicy_restrictsTheController_likeAnyPodOfItsNamespace() {
    String np =
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n"
            + "  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-controller-ns}}}]\n"
            + "    ports: [{port: 9090}]\n---\n";
    assertThat(run(APP + route("") + np).lines())
        .containsExactly("{ingress-controller} => shop/web[Deployment] : TCP 9090");
  }

  @Test
  void blockedEntirely_isAWarningAndNoConnection() {
    String np =
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n"
            + "  podSelector: {}\n  ingress: [{from: [{podSelector: {}}]}]\n---\n";
    Result r = run(APP + route("") + np);
    assertThat(r.lines()).isEmpty();
    assertThat(r.diagnostics())
        .extracting(Diagnostic::message)
        .contains(
            "Route shop/r: network policies block every connection from the ingress controller to shop/web[Deployment] on TCP 8080,9090");
  }

  @Test
  void adminNetworkPolicy_appliesToTheControllersEgress() {
    String anp =
        "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: a}\nspec:\n"
            + "  priority: 1\n  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: ingress-controller-ns}}}\n"
            + "  egress: [{action: Deny, to: [{namespaces: {}}], ports: [{portNumber: {port: 8080}}]}]\n---\n";
    assertThat(run(APP + route("") + anp).lines())
        .containsExactly("{ingress-controller} => shop/web[Deployment] : TCP 9090");
  }

  @Test
  void controller_isNeverAWorkloadOfTheReport_butCanBeFocused() {
    Diagnostics d = new Diagnostics();
    ConnectivityReport report =
        ConnectivityAnalysis.run(
            Pipeline.compile(KubeLoader.parse(APP + route(""), "i.yaml", d), d));
    assertThat(report.workloads())
        .extracting(p -> p.label())
        .containsExactly("shop/web[Deployment]");
    assertThat(report.connections().getLast().src().label()).isEqualTo("{ingress-controller}");
    ConnectivityReport focused =
        report.focus(
            new ConnectivityFocus(
                List.of("ingress-controller-ns/ingress-controller"),
                List.of(),
                Optional.of(Direction.EGRESS)));
    assertThat(focused.connections())
        .extracting(IngressAnalysisTest::line)
        .containsExactly("{ingress-controller} => shop/web[Deployment] : TCP 8080,9090");
  }
}
