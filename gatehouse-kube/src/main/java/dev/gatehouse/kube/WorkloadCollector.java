package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Pods and controller objects into {@link Workload}s.
 *
 * <p>A controller's pods are described by its pod template. A Pod with a controller owner reference
 * belongs to that owner (as written: a Pod owned by a ReplicaSet is that ReplicaSet's); a Pod owned
 * by a Node (a static pod) or by nobody is its own workload. Pods with the same key merge; their
 * distinct label sets are kept so the engine can tell when they matter.
 */
final class WorkloadCollector {
  private final Diagnostics diagnostics;
  private final Map<String, Workload> byKey = new LinkedHashMap<>();

  WorkloadCollector(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void add(KubeObject o) {
    if (o.name().isEmpty()) {
      diagnostics.error("no-name", o.location(), o.kind() + " without metadata.name; skipped");
      return;
    }
    JsonNode spec = o.body().path("spec");
    String ns = o.namespaceOrDefault();
    Workload w =
        switch (o.kind()) {
          case "Pod" -> pod(o, ns);
          case "CronJob" ->
              fromTemplate(o, ns, spec.path("jobTemplate").path("spec").path("template"), 1);
          case "Job" -> fromTemplate(o, ns, spec.path("template"), count(spec.path("parallelism")));
          case "DaemonSet" -> fromTemplate(o, ns, spec.path("template"), 1);
          default -> fromTemplate(o, ns, spec.path("template"), count(spec.path("replicas")));
        };
    byKey.merge(w.key(), w, WorkloadCollector::mergePods);
  }

  List<Workload> result() {
    return List.copyOf(byKey.values());
  }

  private static int count(JsonNode n) {
    return n.isNumber() ? n.asInt() : 1;
  }

  private static Workload fromTemplate(KubeObject o, String ns, JsonNode template, int replicas) {
    Map<String, String> labels = KubeObject.stringMap(template.path("metadata").path("labels"));
    JsonNode podSpec = template.path("spec");
    return new Workload(
        ns,
        o.name(),
        o.kind(),
        labels,
        List.of(labels),
        ports(podSpec),
        replicas,
        List.of(),
        podSpec.path("hostNetwork").asBoolean(false),
        o.location());
  }

  private static Workload pod(KubeObject o, String ns) {
    String ownerKind = "Pod";
    String ownerName = o.name();
    for (JsonNode ref : o.body().path("metadata").path("ownerReferences")) {
      if (ref.path("controller").asBoolean(false) && !ref.path("kind").asText("").equals("Node")) {
        ownerKind = ref.path("kind").asText("Pod");
        ownerName = ref.path("name").asText(o.name());
        break;
      }
    }
    Map<String, String> labels = o.labels();
    return new Workload(
        ns,
        ownerName,
        ownerKind,
        labels,
        List.of(labels),
        ports(o.body().path("spec")),
        1,
        podIps(o.body().path("status")),
        o.body().path("spec").path("hostNetwork").asBoolean(false),
        o.location());
  }

  private static List<String> podIps(JsonNode status) {
    List<String> ips = new ArrayList<>();
    for (JsonNode ip : status.path("podIPs")) {
      String s = ip.path("ip").asText("");
      if (!s.isEmpty()) {
        ips.add(s);
      }
    }
    String single = status.path("podIP").asText("");
    if (ips.isEmpty() && !single.isEmpty()) {
      ips.add(single);
    }
    return List.copyOf(ips);
  }

  private static List<ContainerPort> ports(JsonNode podSpec) {
    List<ContainerPort> out = new ArrayList<>();
    for (String field : List.of("containers", "initContainers")) {
      for (JsonNode c : podSpec.path(field)) {
        for (JsonNode p : c.path("ports")) {
          int port = p.path("containerPort").asInt(0);
          if (port > 0) {
            out.add(
                new ContainerPort(
                    p.path("name").asText(""), port, p.path("protocol").asText("TCP")));
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private static Workload mergePods(Workload a, Workload b) {
    List<Map<String, String>> sets = new ArrayList<>(a.podLabelSets());
    for (Map<String, String> s : b.podLabelSets()) {
      if (!sets.contains(s)) {
        sets.add(s);
      }
    }
    List<ContainerPort> ports = new ArrayList<>(a.ports());
    b.ports().stream().filter(p -> !ports.contains(p)).forEach(ports::add);
    List<String> ips = new ArrayList<>(a.podIps());
    b.podIps().stream().filter(ip -> !ips.contains(ip)).forEach(ips::add);
    return new Workload(
        a.namespace(),
        a.name(),
        a.kind(),
        a.labels(),
        List.copyOf(sets),
        List.copyOf(ports),
        a.replicas() + b.replicas(),
        List.copyOf(ips),
        a.hostNetwork() || b.hostNetwork(),
        a.location());
  }
}
