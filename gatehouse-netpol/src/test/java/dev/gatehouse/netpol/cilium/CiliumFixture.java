package dev.gatehouse.netpol.cilium;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.netpol.Pipeline;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.Connection;
import dev.gatehouse.netpol.engine.ConnectivityAnalysis;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.engine.Endpoint;
import dev.gatehouse.netpol.engine.Verdict;
import dev.gatehouse.netpol.l7.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A small cluster for Cilium tests, and helpers that run the real loader, compiler and engine.
 *
 * <p>Namespaces {@code shop} (team=a), {@code other} (team=b) and {@code kube-system}; workloads
 * {@code shop/web} (app=web, 80 "http"), {@code shop/api} (app=api, 8080 "http", 9090 "metrics",
 * 5353/UDP "dns"), {@code other/client} (app=client) and {@code kube-system/coredns}
 * (k8s-app=kube-dns, 53 UDP and TCP).
 */
final class CiliumFixture {
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
      apiVersion: v1
      kind: Namespace
      metadata: {name: kube-system}
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
      metadata: {name: api, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: api}}
          spec:
            containers:
            - name: c
              ports:
              - {containerPort: 8080, name: http}
              - {containerPort: 9090, name: metrics}
              - {containerPort: 5353, name: dns, protocol: UDP}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: client, namespace: other}
      spec:
        template:
          metadata: {labels: {app: client}}
          spec: {containers: [{name: c}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: coredns, namespace: kube-system}
      spec:
        template:
          metadata: {labels: {k8s-app: kube-dns}}
          spec:
            containers:
            - name: c
              ports:
              - {containerPort: 53, name: dns, protocol: UDP}
              - {containerPort: 53, name: dns-tcp, protocol: TCP}
      ---
      """;

  private CiliumFixture() {}

  /** A CiliumNetworkPolicy document. */
  static String cnp(String name, String ns, String spec) {
    return "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: "
        + name
        + ", namespace: "
        + ns
        + "}\nspec:\n"
        + spec.indent(2)
        + "---\n";
  }

  /** A CiliumClusterwideNetworkPolicy document. */
  static String ccnp(String name, String spec) {
    return "apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: "
        + name
        + "}\nspec:\n"
        + spec.indent(2)
        + "---\n";
  }

  /** A NetworkPolicy document. */
  static String np(String name, String ns, String spec) {
    return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: "
        + name
        + ", namespace: "
        + ns
        + "}\nspec:\n"
        + spec.indent(2)
        + "---\n";
  }

  /** The cluster plus {@code policies}, compiled; fails on input errors. */
  static CompiledNetwork net(String policies) {
    return Pipeline.fromYaml(CLUSTER + policies);
  }

  /** The connectivity report of the cluster plus {@code policies}. */
  static ConnectivityReport report(String policies) {
    return ConnectivityAnalysis.run(net(policies));
  }

  /**
   * The connection text between two peers as connectivity prints it ({@code No Connections} when
   * none), peers given by label prefix ({@code shop/web}, {@code host[Entity]}, ...).
   */
  static String conn(String policies, String src, String dst) {
    return conn(report(policies), src, dst);
  }

  static String conn(ConnectivityReport report, String src, String dst) {
    return report.connections().stream()
        .filter(c -> c.src().label().startsWith(src) && c.dst().label().startsWith(dst))
        .map(Connection::text)
        .findFirst()
        .orElse("No Connections");
  }

  /** Explains TCP {@code port} from {@code src} to {@code dst}, with an optional HTTP request. */
  static Verdict explain(
      CompiledNetwork net, String src, Endpoint dst, int port, Optional<HttpRequest> http) {
    return net.explain(
        net.resolve(src).orElseThrow(), dst, Optional.of(Protocol.TCP), OptionalInt.of(port), http);
  }

  /** An HTTP request without host and headers. */
  static Optional<HttpRequest> http(String method, String path) {
    return Optional.of(new HttpRequest(method, path, Optional.empty(), List.of()));
  }

  /** The diagnostics of loading and compiling the cluster plus {@code policies}. */
  static Diagnostics diagnostics(String policies) {
    Diagnostics d = new Diagnostics();
    Pipeline.compile(KubeLoader.parse(CLUSTER + policies, "p.yaml", d), d);
    return d;
  }
}
