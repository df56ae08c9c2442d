package dev.gatehouse.admission.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.Result;
import dev.gatehouse.admission.ReviewResult;
import dev.gatehouse.kube.KubeObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attributes a pod's violations to its containers without knowing the templates: the pod is
 * reviewed once with no containers at all (what remains is about the pod: {@code hostPID}, volumes,
 * ...) and once per container with only that container; a violation of the whole pod that the
 * single-container pod also has, and the container-less pod does not, belongs to that container.
 *
 * <p>Costs one review per container plus one, only for pods that have violations.
 */
final class ContainerAttribution {
  static final List<String> FIELDS = List.of("containers", "initContainers", "ephemeralContainers");

  private final Map<String, List<String>> byViolation = new LinkedHashMap<>();
  private final List<Attributed> containers = new ArrayList<>();
  private final boolean generated;

  private record Attributed(String name, String image, String field, List<Result> results) {}

  private ContainerAttribution(boolean generated) {
    this.generated = generated;
  }

  /** Attributes {@code full}'s results on {@code pod} (nothing when it is not a Pod). */
  static ContainerAttribution of(
      PolicySnapshot snapshot,
      Inventory inventory,
      KubeObject pod,
      boolean generated,
      ReviewResult full) {
    ContainerAttribution a = new ContainerAttribution(generated);
    if (!pod.kind().equals("Pod") || !pod.apiGroup().isEmpty()) {
      return a;
    }
    Set<String> fullKeys = new HashSet<>();
    full.results().forEach(r -> fullKeys.add(key(r)));
    ObjectNode base = pod.body().deepCopy();
    ObjectNode spec = base.withObject("/spec");
    FIELDS.forEach(
        f -> {
          if (spec.has(f)) {
            spec.putArray(f);
          }
        });
    Set<String> podLevel = keys(snapshot, inventory, pod, base, generated);
    for (String field : FIELDS) {
      JsonNode list = pod.body().path("spec").path(field);
      for (JsonNode c : list) {
        ObjectNode one = base.deepCopy();
        ArrayNode only = one.withObject("/spec").putArray(field);
        only.add(c);
        Set<String> keys = keys(snapshot, inventory, pod, one, generated);
        List<Result> mine = new ArrayList<>();
        for (Result r : full.results()) {
          String k = key(r);
          if (keys.contains(k) && !podLevel.contains(k) && fullKeys.contains(k)) {
            mine.add(r);
            String name = c.path("name").asText("");
            List<String> names = a.byViolation.computeIfAbsent(k, x -> new ArrayList<>());
            if (!names.contains(name)) {
              names.add(name);
            }
          }
        }
        a.containers.add(
            new Attributed(c.path("name").asText(""), c.path("image").asText(""), field, mine));
      }
    }
    return a;
  }

  /** The key of a violation: its constraint and message. */
  static String key(Result r) {
    return r.constraint().name() + "\u0000" + r.message();
  }

  /** The containers each violation (by {@link #key}) is attributed to. */
  Map<String, List<String>> byViolation() {
    return byViolation;
  }

  /** Every container with its attributed violations. */
  List<ContainerCompliance> containers(PolicyGroups groups) {
    List<ContainerCompliance> out = new ArrayList<>();
    for (Attributed c : containers) {
      List<ContainerCompliance.Violation> vs = new ArrayList<>();
      for (Result r : c.results()) {
        ContainerCompliance.Violation v =
            new ContainerCompliance.Violation(
                groups.policyOf(r.constraint()),
                r.constraint().name(),
                groups.definitionOf(r.constraint()),
                r.action(),
                r.message());
        if (!vs.contains(v)) {
          vs.add(v);
        }
      }
      out.add(
          new ContainerCompliance(
              c.name(),
              c.image(),
              c.field(),
              generated,
              vs.isEmpty() ? ComplianceState.COMPLIANT : ComplianceState.NON_COMPLIANT,
              vs));
    }
    return out;
  }

  private static Set<String> keys(
      PolicySnapshot snapshot,
      Inventory inventory,
      KubeObject pod,
      ObjectNode body,
      boolean generated) {
    KubeObject variant = new KubeObject(body, pod.location(), pod.lines());
    Set<String> out = new HashSet<>();
    snapshot
        .review(AdmissionRequest.ofObject(variant), inventory, generated)
        .results()
        .forEach(r -> out.add(key(r)));
    return out;
  }
}
