package dev.gatehouse.netpol.synth;

import static dev.gatehouse.netpol.synth.Manifests.dnsEgress;
import static dev.gatehouse.netpol.synth.Manifests.ipBlock;
import static dev.gatehouse.netpol.synth.Manifests.localPods;
import static dev.gatehouse.netpol.synth.Manifests.map;
import static dev.gatehouse.netpol.synth.Manifests.pods;
import static dev.gatehouse.netpol.synth.Manifests.policyPort;
import static dev.gatehouse.netpol.synth.Manifests.port;
import static dev.gatehouse.netpol.synth.Manifests.rule;

import java.util.List;
import java.util.Map;

/** The system namespaces of a synthetic cluster, their workloads and policies. */
final class SystemNamespaces {
  static final List<String> NAMES = List.of("kube-system", "ingress-nginx", "monitoring");
  static final int POLICIES = 2;
  static final int WORKLOADS = 3;

  private SystemNamespaces() {}

  static void write(YamlWriter namespaces, Map<String, String> files) {
    namespaces.document(Manifests.namespace("kube-system", map()));
    namespaces.document(
        Manifests.namespace("ingress-nginx", map("app.kubernetes.io/name", "ingress-nginx")));
    namespaces.document(Manifests.namespace("monitoring", map("purpose", "monitoring")));
    files.put(
        "kube-system/workloads.yaml",
        new YamlWriter()
            .document(
                Manifests.workload(
                    "Deployment",
                    "kube-system",
                    "coredns",
                    2,
                    map("k8s-app", "kube-dns"),
                    List.of(
                        port("dns", 53, "UDP"),
                        port("dns-tcp", 53, "TCP"),
                        port("metrics", 9153, "TCP"))))
            .text());
    Map<String, Object> nginx = map("app.kubernetes.io/name", "ingress-nginx");
    files.put(
        "ingress-nginx/workloads.yaml",
        new YamlWriter()
            .document(
                Manifests.workload(
                    "Deployment",
                    "ingress-nginx",
                    "ingress-nginx-controller",
                    2,
                    nginx,
                    List.of(
                        port("http", 80, "TCP"),
                        port("https", 443, "TCP"),
                        port("metrics", 10254, "TCP"))))
            .text());
    files.put(
        "ingress-nginx/policies.yaml",
        new YamlWriter()
            .document(
                Manifests.policy(
                    "ingress-nginx",
                    "controller",
                    Manifests.selector(nginx),
                    List.of(
                        rule(
                            "from",
                            List.of(ipBlock("0.0.0.0/0", List.of())),
                            List.of(policyPort("TCP", 80), policyPort("TCP", 443)))),
                    List.of(
                        rule(
                            "to",
                            List.of(pods(map(), map("tier", "frontend"))),
                            List.of(policyPort("TCP", "http"))),
                        dnsEgress()),
                    List.of("Ingress", "Egress")))
            .text());
    Map<String, Object> prometheus = map("app", "prometheus");
    files.put(
        "monitoring/workloads.yaml",
        new YamlWriter()
            .document(
                Manifests.workload(
                    "StatefulSet",
                    "monitoring",
                    "prometheus",
                    1,
                    prometheus,
                    List.of(port("web", 9090, "TCP"))))
            .text());
    files.put(
        "monitoring/policies.yaml",
        new YamlWriter()
            .document(
                Manifests.policy(
                    "monitoring",
                    "prometheus",
                    Manifests.selector(prometheus),
                    List.of(
                        rule(
                            "from",
                            List.of(ipBlock("10.0.0.0/8", List.of("10.255.0.0/16"))),
                            List.of(policyPort("TCP", "web"))),
                        rule("from", List.of(localPods(map())), List.of())),
                    List.of(
                        rule(
                            "to",
                            List.of(pods(map(), map())),
                            List.of(policyPort("TCP", "metrics"))),
                        dnsEgress()),
                    List.of("Ingress", "Egress")))
            .text());
  }
}
