package dev.gatehouse.admission.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.LineIndex;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gatekeeper's expansion of workloads into the pods they would create ({@code pkg/expansion}): the
 * pod template becomes a {@code v1 Pod} named {@code <workload>-pod} in the workload's namespace,
 * owned by the workload. Deployments, ReplicaSets, StatefulSets, DaemonSets, ReplicationControllers
 * and Jobs expand {@code spec.template}; CronJobs {@code spec.jobTemplate.spec.template}.
 */
final class PodTemplates {
  private static final Map<String, Set<String>> TEMPLATE_KINDS =
      Map.of(
          "apps", Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"),
          "extensions", Set.of("Deployment", "ReplicaSet", "DaemonSet"),
          "", Set.of("ReplicationController"),
          "batch", Set.of("Job", "CronJob"));

  private PodTemplates() {}

  /** The pod {@code workload} would create, if it is a workload with a pod template. */
  static Optional<KubeObject> generate(KubeObject workload) {
    Set<String> kinds = TEMPLATE_KINDS.get(workload.apiGroup());
    if (kinds == null || !kinds.contains(workload.kind())) {
      return Optional.empty();
    }
    String pointer =
        workload.kind().equals("CronJob") ? "/spec/jobTemplate/spec/template" : "/spec/template";
    JsonNode template = workload.body().at(pointer);
    if (!template.isObject()) {
      return Optional.empty();
    }
    ObjectNode pod = ((ObjectNode) template).deepCopy();
    ObjectNode body = pod.objectNode();
    body.put("apiVersion", "v1");
    body.put("kind", "Pod");
    ObjectNode meta =
        pod.path("metadata") instanceof ObjectNode m ? m.deepCopy() : pod.objectNode();
    meta.put("name", (workload.name() + "-pod").toLowerCase(Locale.ROOT));
    meta.put("namespace", workload.namespace());
    ObjectNode owner = meta.putArray("ownerReferences").addObject();
    owner.put("apiVersion", workload.apiVersion());
    owner.put("kind", workload.kind());
    owner.put("name", workload.name());
    owner.put("controller", true);
    body.set("metadata", meta);
    body.set("spec", pod.path("spec").isObject() ? pod.get("spec") : pod.objectNode());
    return Optional.of(new KubeObject(body, workload.locate(pointer), LineIndex.empty()));
  }
}
