package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.netpol.engine.EngineProfile;
import java.util.List;
import java.util.Set;

/** Small manifests for lint tests, and running the linter on them. */
final class LintFixtures {
  private LintFixtures() {}

  /**
   * Namespaces shop (team=shop), web (team=web) and kube-system; shop/cart (app=cart, port "web"
   * TCP 8080), shop/redis (app=redis, TCP 6379) and web/frontend (app=frontend, TCP 80).
   */
  static final String CLUSTER =
      ns("shop", "shop")
          + ns("web", "web")
          + ns("kube-system", "system")
          + deploy("shop", "cart", "cart", "{name: web, containerPort: 8080}")
          + deploy("shop", "redis", "redis", "{containerPort: 6379}")
          + deploy("web", "frontend", "frontend", "{name: http, containerPort: 80}");

  static String ns(String name, String team) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %s
          labels: {team: %s}
        ---
        """
        .formatted(name, team);
  }

  static String deploy(String ns, String name, String app, String port) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, namespace: %s}
        spec:
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers:
              - name: c
                image: x
                ports: [%s]
        ---
        """
        .formatted(name, ns, app, app, port);
  }

  static String pod(String ns, String name, String app, String ip) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: %s, labels: {app: %s}}
        spec: {containers: [{name: c, image: x}]}
        status: {podIP: %s}
        ---
        """
        .formatted(name, ns, app, ip);
  }

  /** A NetworkPolicy in {@code ns} named {@code name} with {@code spec} (YAML, indented 2). */
  static String policy(String ns, String name, String spec) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: %s, namespace: %s}
        spec:
        %s
        ---
        """
        .formatted(name, ns, spec.indent(2).stripTrailing());
  }

  static LintReport lint(String yaml) {
    return lint(yaml, EngineProfile.DEFAULT, Set.of());
  }

  static LintReport lint(String yaml, EngineProfile profile, Set<String> disabled) {
    Diagnostics d = new Diagnostics();
    return Linter.run(
        KubeLoader.parse(yaml, "test.yaml", d), new LintOptions(profile, disabled), d);
  }

  static List<Finding> of(LintReport r, String id) {
    return r.findings().stream().filter(f -> f.rule().id().equals(id)).toList();
  }
}
