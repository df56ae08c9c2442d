package dev.gatehouse.netpol.synth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders of manifest trees (maps in field order) for {@link YamlWriter}. */
final class Manifests {
  static final String NAME_LABEL = "kubernetes.io/metadata.name";

  private Manifests() {}

  /** An ordered map from alternating keys and values. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static Map<String, Object> namespace(String name, Map<String, Object> labels) {
    Map<String, Object> meta = map("name", name);
    if (!labels.isEmpty()) {
      meta.put("labels", labels);
    }
    return map("apiVersion", "v1", "kind", "Namespace", "metadata", meta);
  }

  /** A container port entry. */
  static Map<String, Object> port(String name, int number, String protocol) {
    return map("name", name, "containerPort", number, "protocol", protocol);
  }

  /** A Deployment or StatefulSet with one container. */
  static Map<String, Object> workload(
      String kind,
      String namespace,
      String name,
      int replicas,
      Map<String, Object> labels,
      List<Map<String, Object>> ports) {
    Map<String, Object> container =
        map(
            "name",
            "main",
            "image",
            "registry.example.com/" + namespace + "/" + name + ":1.0." + replicas,
            "ports",
            ports);
    Map<String, Object> spec = map("replicas", replicas);
    if (kind.equals("StatefulSet")) {
      spec.put("serviceName", name);
    }
    spec.put("selector", map("matchLabels", labels));
    spec.put(
        "template",
        map("metadata", map("labels", labels), "spec", map("containers", List.of(container))));
    return map(
        "apiVersion",
        "apps/v1",
        "kind",
        kind,
        "metadata",
        map("name", name, "namespace", namespace, "labels", labels),
        "spec",
        spec);
  }

  /** A NetworkPolicy; {@code ingress}/{@code egress} are written only for listed types. */
  static Map<String, Object> policy(
      String namespace,
      String name,
      Map<String, Object> podSelector,
      List<Map<String, Object>> ingress,
      List<Map<String, Object>> egress,
      List<String> types) {
    Map<String, Object> spec = map("podSelector", podSelector, "policyTypes", types);
    if (types.contains("Ingress")) {
      spec.put("ingress", ingress);
    }
    if (types.contains("Egress")) {
      spec.put("egress", egress);
    }
    return map(
        "apiVersion",
        "networking.k8s.io/v1",
        "kind",
        "NetworkPolicy",
        "metadata",
        map("name", name, "namespace", namespace),
        "spec",
        spec);
  }

  /** An ingress ({@code from}) or egress ({@code to}) rule. */
  static Map<String, Object> rule(
      String peerField, List<Map<String, Object>> peers, List<Map<String, Object>> ports) {
    Map<String, Object> r = new LinkedHashMap<>();
    if (!peers.isEmpty()) {
      r.put(peerField, peers);
    }
    if (!ports.isEmpty()) {
      r.put("ports", ports);
    }
    return r;
  }

  /**
   * A peer selecting pods in the namespaces whose labels match {@code namespaceLabels} (every
   * namespace when empty), by {@code podLabels} (every pod when empty).
   */
  static Map<String, Object> pods(
      Map<String, Object> namespaceLabels, Map<String, Object> podLabels) {
    Map<String, Object> p = map("namespaceSelector", selector(namespaceLabels));
    if (!podLabels.isEmpty()) {
      p.put("podSelector", selector(podLabels));
    }
    return p;
  }

  /** A peer of pods in the policy's own namespace. */
  static Map<String, Object> localPods(Map<String, Object> podLabels) {
    return map("podSelector", selector(podLabels));
  }

  /** An ipBlock peer. */
  static Map<String, Object> ipBlock(String cidr, List<String> except) {
    Map<String, Object> b = map("cidr", cidr);
    if (!except.isEmpty()) {
      b.put("except", except);
    }
    return map("ipBlock", b);
  }

  /** A label selector with matchLabels only ({@code {}} when empty). */
  static Map<String, Object> selector(Map<String, Object> labels) {
    return labels.isEmpty() ? map() : map("matchLabels", labels);
  }

  /** A policy port by number or name. */
  static Map<String, Object> policyPort(String protocol, Object port) {
    return map("protocol", protocol, "port", port);
  }

  /** The DNS egress rule to kube-system's kube-dns. */
  static Map<String, Object> dnsEgress() {
    return rule(
        "to",
        List.of(pods(map(NAME_LABEL, "kube-system"), map("k8s-app", "kube-dns"))),
        List.of(policyPort("UDP", 53), policyPort("TCP", 53)));
  }
}
