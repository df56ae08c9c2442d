package dev.gatehouse.netpol.synth;

import static dev.gatehouse.netpol.synth.Manifests.NAME_LABEL;
import static dev.gatehouse.netpol.synth.Manifests.ipBlock;
import static dev.gatehouse.netpol.synth.Manifests.localPods;
import static dev.gatehouse.netpol.synth.Manifests.map;
import static dev.gatehouse.netpol.synth.Manifests.pods;
import static dev.gatehouse.netpol.synth.Manifests.policyPort;
import static dev.gatehouse.netpol.synth.Manifests.port;
import static dev.gatehouse.netpol.synth.Manifests.rule;

import dev.gatehouse.netpol.synth.ClusterLayout.App;
import dev.gatehouse.netpol.synth.ClusterLayout.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The workloads and the policy of one synthetic app. */
final class AppManifests {
  private static final List<String> PRIVATE_RANGES =
      List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

  private AppManifests() {}

  /** Writes the app's workloads; returns how many. */
  static int workloads(App app, String team, YamlWriter out) {
    for (Workload w : app.workloads()) {
      Map<String, Object> labels =
          map("app", app.name(), "tier", w.tier(), "team", team, "version", w.version());
      out.document(
          Manifests.workload(w.kind(), app.namespace(), w.name(), w.replicas(), labels, ports(w)));
    }
    return app.workloads().size();
  }

  private static List<Map<String, Object>> ports(Workload w) {
    return switch (w.tier()) {
      case "frontend" -> List.of(port("http", 8080, "TCP"), port("metrics", 9090, "TCP"));
      case "db" -> List.of(port("db", w.dbPort(), "TCP"), port("metrics", 9187, "TCP"));
      default -> List.of(port("grpc", 9000, "TCP"), port("metrics", 9090, "TCP"));
    };
  }

  /**
   * Writes the app's policy (frontend → backend → db, ingress from ingress-nginx, and the app's
   * extra rules); returns 1, or 0 when the app needs no rule.
   */
  static int policy(
      App app,
      List<Map<String, Object>> extraIngress,
      List<Map<String, Object>> extraEgress,
      YamlWriter out) {
    List<Map<String, Object>> ingress = new ArrayList<>();
    List<Map<String, Object>> egress = new ArrayList<>();
    boolean frontend = app.has("frontend");
    boolean db = app.has("db");
    long backends = app.workloads().stream().filter(w -> w.tier().equals("backend")).count();
    if (backends > 0 && (frontend || backends > 1)) {
      ingress.add(rule("from", List.of(tier(app, "frontend")), List.of(grpc())));
      egress.add(rule("to", List.of(tier(app, "backend")), List.of(grpc())));
    }
    if (db) {
      ingress.add(rule("from", List.of(tier(app, "backend")), List.of(policyPort("TCP", "db"))));
      egress.add(rule("to", List.of(tier(app, "db")), List.of(policyPort("TCP", "db"))));
    }
    if (frontend) {
      ingress.add(
          rule(
              "from",
              List.of(
                  pods(
                      map(NAME_LABEL, "ingress-nginx"),
                      map("app.kubernetes.io/name", "ingress-nginx"))),
              List.of(policyPort("TCP", "http"))));
      if (app.extras().publicIngress()) {
        String lb = "100.64." + (app.name().hashCode() & 0x3f) + ".0/24";
        ingress.add(
            rule(
                "from",
                List.of(ipBlock("100.64.0.0/10", List.of(lb))),
                List.of(policyPort("TCP", "http"))));
      }
    }
    if (app.extras().internetEgress()) {
      egress.add(
          rule(
              "to",
              List.of(ipBlock("0.0.0.0/0", PRIVATE_RANGES)),
              List.of(policyPort("TCP", 443))));
    }
    if (app.partnerBlock() >= 0) {
      int k = app.partnerBlock() * 16;
      egress.add(
          rule(
              "to",
              List.of(ipBlock("198.18." + k + ".0/20", List.of("198.18." + (k + 1) + ".0/24"))),
              List.of(policyPort("TCP", 8443))));
    }
    ingress.addAll(extraIngress);
    egress.addAll(extraEgress);
    if (ingress.isEmpty() && egress.isEmpty()) {
      return 0;
    }
    out.document(
        Manifests.policy(
            app.namespace(),
            app.name(),
            Manifests.selector(map("app", app.name())),
            ingress,
            egress,
            List.of("Ingress", "Egress")));
    return 1;
  }

  private static Map<String, Object> tier(App app, String tier) {
    return localPods(map("app", app.name(), "tier", tier));
  }

  private static Map<String, Object> grpc() {
    return policyPort("TCP", "grpc");
  }
}
