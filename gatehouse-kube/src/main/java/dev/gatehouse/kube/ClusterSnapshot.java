package dev.gatehouse.kube;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is running, as the policy engines see it: namespaces (with labels), workloads, services and
 * ingress objects, plus every object that is none of these (policies, among others) in input order.
 *
 * <p>Built by {@link #of(List, Diagnostics)}; immutable.
 */
public record ClusterSnapshot(
    SortedMap<String, Namespace> namespaces,
    List<Workload> workloads,
    List<Service> services,
    List<IngressRoutes> ingresses,
    List<KubeObject> others) {

  /** The kinds whose pods become {@link Workload}s. */
  public static final Set<String> WORKLOAD_KINDS =
      Set.of(
          "Pod",
          "Deployment",
          "ReplicaSet",
          "ReplicationController",
          "StatefulSet",
          "DaemonSet",
          "Job",
          "CronJob");

  /** An empty cluster. */
  public static ClusterSnapshot empty() {
    return new ClusterSnapshot(new TreeMap<>(), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * Sorts {@code objects} into a snapshot; namespaces that workloads use but nobody defines are
   * created, and every namespace gets its {@code kubernetes.io/metadata.name} label.
   */
  public static ClusterSnapshot of(List<KubeObject> objects, Diagnostics diagnostics) {
    TreeMap<String, Namespace> namespaces = new TreeMap<>();
    WorkloadCollector workloads = new WorkloadCollector(diagnostics);
    List<Service> services = new ArrayList<>();
    List<IngressRoutes> ingresses = new ArrayList<>();
    List<KubeObject> others = new ArrayList<>();
    for (KubeObject o : objects) {
      switch (o.kind()) {
        case "Namespace" -> addNamespace(o, namespaces, diagnostics);
        case "Service" -> ServiceReader.service(o, diagnostics).ifPresent(services::add);
        case "Ingress" -> {
          if (o.apiGroup().startsWith("networking.k8s.io")
              || o.apiGroup().startsWith("extensions")) {
            ingresses.add(ServiceReader.ingress(o));
          } else {
            others.add(o);
          }
        }
        case "Route" -> {
          if (o.apiGroup().equals("route.openshift.io")) {
            ingresses.add(ServiceReader.route(o));
          } else {
            others.add(o);
          }
        }
        default -> {
          if (WORKLOAD_KINDS.contains(o.kind()) && o.apiGroup().matches("|apps|batch|extensions")) {
            workloads.add(o);
          } else {
            others.add(o);
          }
        }
      }
    }
    List<Workload> ws = workloads.result();
    for (Workload w : ws) {
      namespaces.computeIfAbsent(
          w.namespace(), ns -> new Namespace(ns, nameLabel(ns, Map.of()), false));
    }
    return new ClusterSnapshot(
        java.util.Collections.unmodifiableSortedMap(namespaces),
        ws,
        List.copyOf(services),
        List.copyOf(ingresses),
        List.copyOf(others));
  }

  /** All objects of the given kinds among {@link #others()}, in input order. */
  public List<KubeObject> othersOfKind(Collection<String> kinds) {
    return others.stream().filter(o -> kinds.contains(o.kind())).toList();
  }

  /** The namespace named {@code name}, creating an undefined one if nobody defined it. */
  public Namespace namespace(String name) {
    Namespace ns = namespaces.get(name);
    return ns != null ? ns : new Namespace(name, nameLabel(name, Map.of()), false);
  }

  private static void addNamespace(
      KubeObject o, TreeMap<String, Namespace> namespaces, Diagnostics diagnostics) {
    String name = o.name();
    if (name.isEmpty()) {
      diagnostics.error("no-name", o.location(), "Namespace without metadata.name; skipped");
      return;
    }
    if (namespaces.containsKey(name)) {
      diagnostics.error(
          "duplicate-namespace",
          o.location(),
          "Namespace " + name + " is defined twice; this one skipped");
      return;
    }
    namespaces.put(name, new Namespace(name, nameLabel(name, o.labels()), true));
  }

  private static Map<String, String> nameLabel(String ns, Map<String, String> labels) {
    TreeMap<String, String> out = new TreeMap<>(labels);
    out.putIfAbsent(Namespace.NAME_LABEL, ns);
    return java.util.Collections.unmodifiableMap(out);
  }
}
