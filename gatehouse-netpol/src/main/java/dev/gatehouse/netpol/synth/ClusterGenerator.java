package dev.gatehouse.netpol.synth;

import static dev.gatehouse.netpol.synth.Manifests.NAME_LABEL;
import static dev.gatehouse.netpol.synth.Manifests.dnsEgress;
import static dev.gatehouse.netpol.synth.Manifests.map;
import static dev.gatehouse.netpol.synth.Manifests.pods;
import static dev.gatehouse.netpol.synth.Manifests.policyPort;
import static dev.gatehouse.netpol.synth.Manifests.rule;

import dev.gatehouse.netpol.synth.ClusterLayout.App;
import dev.gatehouse.netpol.synth.ClusterLayout.CrossCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates a realistic microsegmented cluster, deterministically from a seed.
 *
 * <p>Every application namespace has a default deny for ingress and egress, DNS egress to {@code
 * kube-system/kube-dns}, and ingress from Prometheus in {@code monitoring} on the named port {@code
 * metrics}. Workloads come in apps of a frontend ({@code -web}), backends ({@code -api}, {@code
 * -worker-N}) and usually a database ({@code -db}, a StatefulSet on Postgres or Redis behind the
 * named port {@code db}), labelled {@code app}, {@code tier}, {@code team}, {@code version}. Each
 * app has one policy allowing frontend → backend ({@code grpc}) → db ({@code db}) inside the app,
 * and ingress from {@code ingress-nginx} to the frontend; some apps also call another namespace's
 * backends (namespaceSelector + podSelector on both sides), reach the internet on 443 (ipBlock
 * 0.0.0.0/0 except the private ranges), a partner range with an except, or accept a load balancer
 * range on their frontend. That is one policy per app (about three workloads) plus three per
 * namespace. The system namespaces {@code kube-system}, {@code ingress-nginx} and {@code
 * monitoring} hold one workload each and come on top of the requested counts. Optionally ({@link
 * Options#adminAndCilium()}) {@link TieredPolicies} adds AdminNetworkPolicies, the baseline and
 * CiliumNetworkPolicies on top.
 */
public final class ClusterGenerator {
  private ClusterGenerator() {}

  /**
   * What to generate.
   *
   * @param namespaces application namespaces (at least 1)
   * @param workloads application workloads (at least {@code namespaces})
   * @param seed the seed every random choice derives from
   * @param adminAndCilium whether to add the admin and Cilium layers: {@value TieredPolicies#ADMIN}
   *     AdminNetworkPolicies (Allow, Deny and Pass rules, distinct priorities), the
   *     BaselineAdminNetworkPolicy and {@value TieredPolicies#CILIUM} CiliumNetworkPolicies (L7
   *     HTTP, FQDN egress, L4)
   */
  public record Options(int namespaces, int workloads, long seed, boolean adminAndCilium) {
    /** NetworkPolicies only. */
    public Options(int namespaces, int workloads, long seed) {
      this(namespaces, workloads, seed, false);
    }

    /** Checks the counts. */
    public Options {
      if (namespaces < 1) {
        throw new IllegalArgumentException("namespaces must be at least 1, got " + namespaces);
      }
      if (workloads < namespaces) {
        throw new IllegalArgumentException(
            "workloads must be at least the number of namespaces ("
                + namespaces
                + "), got "
                + workloads);
      }
    }
  }

  /** Generates the cluster described by {@code options}. */
  public static GeneratedCluster generate(Options options) {
    ClusterLayout layout =
        ClusterLayout.of(options.namespaces(), options.workloads(), options.seed());
    Map<App, List<Map<String, Object>>> extraIngress = new HashMap<>();
    Map<App, List<Map<String, Object>>> extraEgress = new HashMap<>();
    for (CrossCall call : layout.crossCalls) {
      String team = teamOf(layout, call.from().namespace());
      extraEgress
          .computeIfAbsent(call.from(), a -> new ArrayList<>())
          .add(
              rule(
                  "to",
                  List.of(
                      pods(
                          map(NAME_LABEL, call.to().namespace()),
                          map("app", call.to().name(), "tier", "backend"))),
                  List.of(policyPort("TCP", "grpc"))));
      extraIngress
          .computeIfAbsent(call.to(), a -> new ArrayList<>())
          .add(
              rule(
                  "from",
                  List.of(pods(map("team", team), map("app", call.from().name()))),
                  List.of(policyPort("TCP", "grpc"))));
    }
    TreeMap<String, String> files = new TreeMap<>();
    YamlWriter namespaces = new YamlWriter();
    SystemNamespaces.write(namespaces, files);
    int policies = SystemNamespaces.POLICIES;
    int workloads = 0;
    for (ClusterLayout.Ns ns : layout.namespaces) {
      namespaces.document(Manifests.namespace(ns.name(), map("team", ns.team(), "env", ns.env())));
      YamlWriter wl = new YamlWriter();
      YamlWriter pol = new YamlWriter();
      policies += namespacePolicies(ns.name(), pol);
      for (App app : ns.apps()) {
        workloads += AppManifests.workloads(app, ns.team(), wl);
        policies +=
            AppManifests.policy(
                app,
                extraIngress.getOrDefault(app, List.of()),
                extraEgress.getOrDefault(app, List.of()),
                pol);
      }
      files.put(ns.name() + "/workloads.yaml", wl.text());
      files.put(ns.name() + "/policies.yaml", pol.text());
    }
    files.put("namespaces.yaml", namespaces.text());
    if (options.adminAndCilium()) {
      TieredPolicies.write(layout, files);
    }
    return new GeneratedCluster(
        files,
        layout.namespaces.size() + SystemNamespaces.NAMES.size(),
        workloads + SystemNamespaces.WORKLOADS,
        policies,
        options.adminAndCilium() ? TieredPolicies.ADMIN + 1 : 0,
        options.adminAndCilium() ? TieredPolicies.CILIUM : 0);
  }

  private static String teamOf(ClusterLayout layout, String namespace) {
    return layout.namespaces.stream()
        .filter(n -> n.name().equals(namespace))
        .findFirst()
        .orElseThrow()
        .team();
  }

  /** Default deny, DNS egress, Prometheus scraping: the policies every namespace gets. */
  private static int namespacePolicies(String ns, YamlWriter out) {
    List<String> both = List.of("Ingress", "Egress");
    out.document(Manifests.policy(ns, "default-deny-all", map(), List.of(), List.of(), both));
    out.document(
        Manifests.policy(
            ns, "allow-dns-egress", map(), List.of(), List.of(dnsEgress()), List.of("Egress")));
    out.document(
        Manifests.policy(
            ns,
            "allow-prometheus-scrape",
            map(),
            List.of(
                rule(
                    "from",
                    List.of(pods(map(NAME_LABEL, "monitoring"), map("app", "prometheus"))),
                    List.of(policyPort("TCP", "metrics")))),
            List.of(),
            List.of("Ingress")));
    return 3;
  }
}
