package dev.gatehouse.netpol.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.netpol.Pipeline;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import org.junit.jupiter.api.Test;

/**
 * 300 Cilium policies (L3, L4, L7 HTTP, toFQDNs with DNS rules, deny) over 600 workloads in 60
 * namespaces compile without problems and give the L7 and DNS connections their rules name. Speed
 * is measured by the scale benchmark ({@code ConnectivityScale --admin-and-cilium}, figures in
 * docs/benchmarks.md), not here.
 */
class CiliumScaleTest {
  static String cluster(int namespaces, int perNamespace) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: coredns, namespace: kube-system}\n"
            + "spec: {template: {metadata: {labels: {k8s-app: kube-dns}}, spec: {containers: [{name: c,"
            + " ports: [{containerPort: 53, protocol: UDP}]}]}}}\n---\n");
    for (int n = 0; n < namespaces; n++) {
      for (int w = 0; w < perNamespace; w++) {
        sb.append("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: svc-")
            .append(w)
            .append(", namespace: ns-")
            .append(n)
            .append("}\nspec: {template: {metadata: {labels: {app: svc-")
            .append(w)
            .append(", tier: t")
            .append(w % 3)
            .append(
                "}}, spec: {containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]}}}\n---\n");
      }
      sb.append(policies(n));
    }
    return sb.toString();
  }

  private static String policies(int n) {
    String ns = "ns-" + n;
    String next = "ns-" + ((n + 1) % 60);
    return CiliumFixture.cnp(
            "l3",
            ns,
            "endpointSelector: {matchLabels: {app: svc-0}}\ningress:\n- fromEndpoints: [{matchLabels: {tier: t1}}]")
        + CiliumFixture.cnp(
            "l4",
            ns,
            "endpointSelector: {matchLabels: {app: svc-1}}\ningress:\n- fromEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: "
                + next
                + "}}]\n  toPorts: [{ports: [{port: http, protocol: TCP}]}]")
        + CiliumFixture.cnp(
            "l7",
            ns,
            "endpointSelector: {matchLabels: {app: svc-2}}\ningress:\n- fromEndpoints: [{}]\n  toPorts:\n  - ports: [{port: \"8080\", protocol: TCP}]\n    rules: {http: [{method: GET, path: \"/v1/.*\"}]}")
        + CiliumFixture.cnp(
            "fqdn",
            ns,
            "endpointSelector: {matchLabels: {tier: t2}}\negress:\n- toFQDNs: [{matchPattern: \"*.svc"
                + n
                + ".example.com\"}]\n  toPorts: [{ports: [{port: \"443\", protocol: TCP}]}]\n- toEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}}]\n  toPorts:\n  - ports: [{port: \"53\", protocol: UDP}]\n    rules: {dns: [{matchPattern: \"*\"}]}\n- toEndpoints: [{}]")
        + CiliumFixture.cnp(
            "deny",
            ns,
            "endpointSelector: {matchLabels: {app: svc-3}}\ningress:\n- fromEntities: [cluster]\ningressDeny:\n- fromEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: "
                + next
                + "}}]");
  }

  @Test
  void threeHundredPolicies_compileAndShowTheirL7AndDnsConnections() {
    String yaml = cluster(60, 10);
    Diagnostics d = new Diagnostics();
    var objects = KubeLoader.parse(yaml, "scale.yaml", d);
    CompiledNetwork net = Pipeline.compile(objects, d);
    ConnectivityReport report = ConnectivityAnalysis.run(net);
    assertThat(d.hasErrors()).as(d.all().toString()).isFalse();
    assertThat(objects.stream().filter(o -> o.kind().startsWith("Cilium")).count()).isEqualTo(300);
    assertThat(report.connections())
        .anyMatch(c -> c.text().equals("TCP 8080 (HTTP GET /v1/.*)"))
        .anyMatch(c -> c.dst().label().equals("*.svc7.example.com[FQDN]"));
  }
}
