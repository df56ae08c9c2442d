package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a constraint's {@code spec.match} selects a request.
 *
 * <p>Follows Gatekeeper's {@code pkg/mutation/match/match.go}: every criterion must hold; the
 * request matches when its {@code object} or its {@code oldObject} does. The namespace of an object
 * is its name for Namespaces, else the request namespace, else {@code metadata.namespace}; an
 * object without one (and not a Namespace) is cluster-scoped and passes the namespace criteria. A
 * namespaced object whose Namespace is unknown cannot be tested against {@code namespaceSelector}:
 * that is an {@link Outcome#UNKNOWN_NAMESPACE}, not a match.
 */
final class ConstraintMatcher {
  /** The result of matching one constraint. */
  enum Outcome {
    MATCH,
    NO_MATCH,
    UNKNOWN_NAMESPACE
  }

  private ConstraintMatcher() {}

  /** Matches {@code match} against the request, looking Namespaces up in {@code inventory}. */
  static Outcome matches(Match match, AdmissionRequest request, Inventory inventory) {
    boolean unknownNamespace = false;
    for (ObjectNode obj : candidates(request)) {
      Outcome o = matchesObject(match, request, obj, inventory);
      if (o == Outcome.MATCH) {
        return o;
      }
      unknownNamespace |= o == Outcome.UNKNOWN_NAMESPACE;
    }
    return unknownNamespace ? Outcome.UNKNOWN_NAMESPACE : Outcome.NO_MATCH;
  }

  private static List<ObjectNode> candidates(AdmissionRequest request) {
    List<ObjectNode> out = new ArrayList<>(2);
    if (request.object() != null) {
      out.add(request.object());
    }
    if (request.oldObject() != null) {
      out.add(request.oldObject());
    }
    return out;
  }

  private static Outcome matchesObject(
      Match match, AdmissionRequest request, ObjectNode obj, Inventory inventory) {
    boolean isNamespace = isNamespace(request);
    String ns = isNamespace ? nameOf(obj, request) : namespaceOf(obj, request);
    boolean clusterScoped = !isNamespace && ns.isEmpty();
    if (!kindsMatch(match, request)
        || !scopeMatches(match.scope(), isNamespace, clusterScoped)
        || !nameMatches(match.name(), obj, request)
        || !match.labelSelector().matches(KubeObject.stringMap(obj.path("metadata").path("labels")))
        || !namespacesMatch(match, ns)) {
      return Outcome.NO_MATCH;
    }
    LabelSelector nsSelector = match.namespaceSelector();
    if (nsSelector == null || clusterScoped) {
      return Outcome.MATCH;
    }
    @Nullable JsonNode nsObject =
        isNamespace ? obj : inventory.namespace(ns).map(JsonNode.class::cast).orElse(null);
    if (nsObject == null) {
      return Outcome.UNKNOWN_NAMESPACE;
    }
    return nsSelector.matches(namespaceLabels(nsObject, ns)) ? Outcome.MATCH : Outcome.NO_MATCH;
  }

  /** A Namespace's labels, with the implicit {@code kubernetes.io/metadata.name}. */
  static Map<String, String> namespaceLabels(JsonNode namespace, String name) {
    Map<String, String> labels =
        new java.util.HashMap<>(KubeObject.stringMap(namespace.path("metadata").path("labels")));
    labels.putIfAbsent(dev.gatehouse.kube.Namespace.NAME_LABEL, name);
    return labels;
  }

  static boolean isNamespace(AdmissionRequest request) {
    return request.kind().kind().equals("Namespace") && request.kind().group().isEmpty();
  }

  private static String nameOf(ObjectNode obj, AdmissionRequest request) {
    String n = obj.path("metadata").path("name").asText("");
    return n.isEmpty() ? request.name() : n;
  }

  private static String namespaceOf(ObjectNode obj, AdmissionRequest request) {
    return request.namespace().isEmpty()
        ? obj.path("metadata").path("namespace").asText("")
        : request.namespace();
  }

  private static boolean kindsMatch(Match match, AdmissionRequest request) {
    if (match.kinds().isEmpty()) {
      return true;
    }
    GroupVersionKind gvk = request.kind();
    return match.kinds().stream().anyMatch(k -> k.matches(gvk.group(), gvk.kind()));
  }

  private static boolean scopeMatches(Match.Scope scope, boolean isNamespace, boolean cluster) {
    return switch (scope) {
      case ALL -> true;
      case CLUSTER -> isNamespace || cluster;
      case NAMESPACED -> !isNamespace && !cluster;
    };
  }

  private static boolean nameMatches(String glob, ObjectNode obj, AdmissionRequest request) {
    if (glob.isEmpty()) {
      return true;
    }
    if (Wildcard.matches(glob, nameOf(obj, request))) {
      return true;
    }
    String generateName = obj.path("metadata").path("generateName").asText("");
    return glob.endsWith("*") && !generateName.isEmpty() && Wildcard.matches(glob, generateName);
  }

  private static boolean namespacesMatch(Match match, String ns) {
    if (ns.isEmpty()) {
      return true;
    }
    if (!match.namespaces().isEmpty() && !Wildcard.matchesAny(match.namespaces(), ns)) {
      return false;
    }
    return !Wildcard.matchesAny(match.excludedNamespaces(), ns);
  }
}
