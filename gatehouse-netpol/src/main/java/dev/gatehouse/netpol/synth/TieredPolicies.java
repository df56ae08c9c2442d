package dev.gatehouse.netpol.synth;

import static dev.gatehouse.netpol.synth.Manifests.NAME_LABEL;
import static dev.gatehouse.netpol.synth.Manifests.map;

import dev.gatehouse.netpol.synth.ClusterLayout.App;
import dev.gatehouse.netpol.synth.ClusterLayout.Ns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster-admin and Cilium layers of a synthetic cluster (issue 3's scale scenario): {@value
 * #ADMIN} AdminNetworkPolicies with distinct priorities and a mix of Allow, Deny and Pass rules,
 * the BaselineAdminNetworkPolicy, and {@value #CILIUM} CiliumNetworkPolicies on the apps (L7 HTTP
 * ingress, FQDN egress with DNS visibility, plain L4 ingress, in turn).
 *
 * <p>Every subject is chosen from the layout, so each policy selects workloads: the ANPs name teams
 * and environments that namespaces carry, the CNPs select an app's tier that exists.
 */
final class TieredPolicies {
  static final int ADMIN = 20;
  static final int CILIUM = 300;
  private static final String ADMIN_API = "policy.networking.k8s.io/v1alpha1";
  private static final String POD_NAMESPACE = "k8s:io.kubernetes.pod.namespace";

  private TieredPolicies() {}

  /** Adds {@code admin-policies.yaml} and one {@code <ns>/cilium-policies.yaml} per namespace. */
  static void write(ClusterLayout layout, Map<String, String> files) {
    YamlWriter admin = new YamlWriter();
    for (int i = 0; i < ADMIN; i++) {
      admin.document(adminPolicy(layout, i));
    }
    admin.document(baseline());
    files.put("admin-policies.yaml", admin.text());
    Map<String, YamlWriter> byNamespace = new LinkedHashMap<>();
    List<App> apps = new ArrayList<>();
    layout.namespaces.forEach(ns -> apps.addAll(ns.apps()));
    for (int i = 0; i < CILIUM; i++) {
      App app = apps.get(i * apps.size() / CILIUM % apps.size());
      byNamespace
          .computeIfAbsent(app.namespace(), n -> new YamlWriter())
          .document(ciliumPolicy(app, i));
    }
    byNamespace.forEach((ns, w) -> files.put(ns + "/cilium-policies.yaml", w.text()));
  }

  /** One of five shapes, in turn, each for a team or environment that exists. */
  private static Map<String, Object> adminPolicy(ClusterLayout layout, int i) {
    Ns ns = layout.namespaces.get(i * 7 % layout.namespaces.size());
    Map<String, Object> team = map("namespaces", selector(map("team", ns.team())));
    Map<String, Object> spec = map("priority", 10 + 5 * i, "subject", team);
    String name;
    switch (i % 5) {
      case 0 -> {
        name = "deny-staging-to-" + ns.team();
        spec.put(
            "ingress",
            List.of(
                rule(
                    "deny-from-staging",
                    "Deny",
                    "from",
                    List.of(map("namespaces", selector(map("env", "staging")))),
                    List.of())));
        spec.put("subject", map("namespaces", selector(map("team", ns.team(), "env", "prod"))));
        if (!ns.env().equals("prod")) {
          spec.put("subject", team);
        }
      }
      case 1 -> {
        name = "allow-monitoring-" + ns.team();
        spec.put(
            "ingress",
            List.of(
                rule(
                    "allow-scrape",
                    "Allow",
                    "from",
                    List.of(map("namespaces", selector(map(NAME_LABEL, "monitoring")))),
                    List.of(map("namedPort", "metrics")))));
      }
      case 2 -> {
        name = "pass-team-db-" + ns.team();
        spec.put(
            "subject",
            map(
                "pods",
                map(
                    "namespaceSelector",
                    selector(map("team", ns.team())),
                    "podSelector",
                    selector(map("tier", "db")))));
        spec.put(
            "ingress",
            List.of(
                rule(
                    "pass-team-backends",
                    "Pass",
                    "from",
                    List.of(
                        map(
                            "pods",
                            map(
                                "namespaceSelector",
                                selector(map("team", ns.team())),
                                "podSelector",
                                selector(map("tier", "backend"))))),
                    List.of(portNumber("TCP", 5432), portNumber("TCP", 6379))),
                rule(
                    "deny-other-db-clients",
                    "Deny",
                    "from",
                    List.of(map("namespaces", map())),
                    List.of(portNumber("TCP", 5432), portNumber("TCP", 6379)))));
      }
      case 3 -> {
        name = "deny-metadata-" + ns.team();
        spec.put(
            "egress",
            List.of(
                rule(
                    "deny-cloud-metadata",
                    "Deny",
                    "to",
                    List.of(map("networks", List.of("169.254.169.254/32"))),
                    List.of()),
                rule(
                    "pass-private-ranges",
                    "Pass",
                    "to",
                    List.of(map("networks", List.of("10.0.0.0/8", "192.168.0.0/16"))),
                    List.of(
                        map("portRange", map("protocol", "TCP", "start", 8000, "end", 8999))))));
      }
      default -> {
        name = "allow-dns-" + ns.team();
        spec.put(
            "egress",
            List.of(
                rule(
                    "allow-kube-dns",
                    "Allow",
                    "to",
                    List.of(kubeDns()),
                    List.of(portNumber("UDP", 53), portNumber("TCP", 53)))));
      }
    }
    return map(
        "apiVersion",
        ADMIN_API,
        "kind",
        "AdminNetworkPolicy",
        "metadata",
        map("name", name + "-" + i),
        "spec",
        spec);
  }

  /** Deny from everywhere by default, DNS allowed: for namespaces no NetworkPolicy covers. */
  private static Map<String, Object> baseline() {
    Map<String, Object> spec =
        map(
            "subject",
            map(
                "namespaces",
                map("matchExpressions", List.of(map("key", "team", "operator", "Exists")))),
            "ingress",
            List.of(
                rule(
                    "default-deny-ingress",
                    "Deny",
                    "from",
                    List.of(map("namespaces", map())),
                    List.of())),
            "egress",
            List.of(
                rule(
                    "allow-dns", "Allow", "to", List.of(kubeDns()), List.of(portNumber("UDP", 53))),
                rule(
                    "default-deny-egress",
                    "Deny",
                    "to",
                    List.of(map("networks", List.of("0.0.0.0/0"))),
                    List.of())));
    return map(
        "apiVersion",
        ADMIN_API,
        "kind",
        "BaselineAdminNetworkPolicy",
        "metadata",
        map("name", "default"),
        "spec",
        spec);
  }

  /** The i-th Cilium policy, on {@code app}: L7 HTTP ingress, FQDN egress or L4 ingress. */
  private static Map<String, Object> ciliumPolicy(App app, int i) {
    String tier = app.has("backend") ? "backend" : app.workloads().getFirst().tier();
    Map<String, Object> spec =
        map("endpointSelector", map("matchLabels", map("app", app.name(), "tier", tier)));
    String kind;
    switch (i % 3) {
      case 0 -> {
        kind = "l7";
        Map<String, Object> http =
            map(
                "http",
                List.of(
                    map("method", "GET", "path", "/api/v1/.*"),
                    map("method", "POST", "path", "/api/v1/orders")));
        spec.put(
            "ingress",
            List.of(
                map(
                    "fromEndpoints",
                    List.of(map("matchLabels", map("app", app.name()))),
                    "toPorts",
                    List.of(map("ports", List.of(ciliumPort("9000", "TCP")), "rules", http)))));
      }
      case 1 -> {
        kind = "fqdn";
        Map<String, Object> dns = map("dns", List.of(map("matchPattern", "*.example.com")));
        spec.put(
            "egress",
            List.of(
                map(
                    "toEndpoints",
                    List.of(
                        map(
                            "matchLabels",
                            map(POD_NAMESPACE, "kube-system", "k8s-app", "kube-dns"))),
                    "toPorts",
                    List.of(
                        map(
                            "ports",
                            List.of(ciliumPort("53", "UDP"), ciliumPort("53", "TCP")),
                            "rules",
                            dns))),
                map(
                    "toFQDNs",
                    List.of(
                        map("matchName", "api.partner-" + i % 17 + ".example.com"),
                        map("matchPattern", "*.cdn.example.com")),
                    "toPorts",
                    List.of(map("ports", List.of(ciliumPort("443", "TCP")))))));
      }
      default -> {
        kind = "l4";
        spec.put(
            "ingress",
            List.of(
                map(
                    "fromEndpoints",
                    List.of(map("matchLabels", map("app", app.name(), "tier", "frontend"))),
                    "toPorts",
                    List.of(map("ports", List.of(ciliumPort("9000", "TCP"))))),
                map(
                    "fromEntities",
                    List.of("host"),
                    "toPorts",
                    List.of(map("ports", List.of(ciliumPort("9090", "TCP")))))));
      }
    }
    return map(
        "apiVersion",
        "cilium.io/v2",
        "kind",
        "CiliumNetworkPolicy",
        "metadata",
        map("name", app.name() + "-" + kind + "-" + i, "namespace", app.namespace()),
        "spec",
        spec);
  }

  private static Map<String, Object> rule(
      String name,
      String action,
      String peerField,
      List<Map<String, Object>> peers,
      List<Map<String, Object>> ports) {
    Map<String, Object> r = map("name", name, "action", action, peerField, peers);
    if (!ports.isEmpty()) {
      r.put("ports", ports);
    }
    return r;
  }

  private static Map<String, Object> selector(Map<String, Object> labels) {
    return map("matchLabels", labels);
  }

  private static Map<String, Object> kubeDns() {
    return map(
        "pods",
        map(
            "namespaceSelector",
            selector(map(NAME_LABEL, "kube-system")),
            "podSelector",
            selector(map("k8s-app", "kube-dns"))));
  }

  private static Map<String, Object> portNumber(String protocol, int port) {
    return map("portNumber", map("protocol", protocol, "port", port));
  }

  private static Map<String, Object> ciliumPort(String port, String protocol) {
    return map("port", port, "protocol", protocol);
  }
}
