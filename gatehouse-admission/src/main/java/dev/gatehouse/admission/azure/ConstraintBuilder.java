package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.admission.EnforcementAction;
import dev.gatehouse.admission.PolicyLoader;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.LineIndex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Builds the constraint object one definition deploys, as the Azure Policy add-on does: {@code
 * spec.match} from the resolved {@code details} ({@code apiGroups}/{@code kinds}, {@code
 * namespaces}, {@code excludedNamespaces}, {@code labelSelector}, {@code source}) narrowed by the
 * assignment's scope, {@code spec.parameters} from {@code details.values}, and the enforcement
 * action from the effect. The object is located at the assignment, so problems the constraint
 * reader finds point there.
 */
final class ConstraintBuilder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The kinds of the two deprecated definitions whose {@code details.constraint} URL (a Go template
   * we do not fetch) holds them: {@code container-allowed-ports} and {@code
   * ingress-hostnames-conflict}.
   */
  private static final Map<String, KindEntry> LEGACY_KINDS =
      Map.of(
          "container-allowed-ports", new KindEntry(List.of(""), List.of("Pod")),
          "ingress-hostnames-conflict",
              new KindEntry(List.of("extensions", "networking.k8s.io"), List.of("Ingress")));

  /** One {@code spec.match.kinds} entry. */
  private record KindEntry(List<String> apiGroups, List<String> kinds) {
    ObjectNode json() {
      ObjectNode entry = NODES.objectNode();
      ArrayNode g = entry.putArray("apiGroups");
      apiGroups.forEach(g::add);
      ArrayNode k = entry.putArray("kinds");
      kinds.forEach(k::add);
      return entry;
    }
  }

  private ConstraintBuilder() {}

  /** Everything a constraint is built from. */
  record Input(
      PolicyAssignment assignment,
      PolicyDefinition definition,
      @Nullable PolicySetDefinition initiative,
      String referenceId,
      JsonNode details,
      Effect effect,
      EnforcementAction action,
      ConstraintTemplate template) {}

  /** The constraint object, named by {@link ConstraintNames}. */
  static KubeObject build(Input in) {
    ObjectNode body = NODES.objectNode();
    body.put("apiVersion", PolicyLoader.CONSTRAINTS_GROUP + "/v1beta1");
    body.put("kind", in.template().kind());
    ObjectNode meta = body.putObject("metadata");
    meta.put("name", name(in));
    meta.set("annotations", annotations(in));
    meta.putObject("labels").put("app.kubernetes.io/managed-by", "gatehouse");
    ObjectNode spec = body.putObject("spec");
    spec.put("enforcementAction", in.action().wireName());
    spec.set("match", match(in));
    JsonNode values = in.details().path("values");
    if (values.isObject() && !values.isEmpty()) {
      spec.set("parameters", parameters(in, (ObjectNode) values));
    }
    return new KubeObject(body, in.assignment().origin().location(), LineIndex.empty());
  }

  /** The constraint's name for this input. */
  static String name(Input in) {
    return ConstraintNames.of(
        in.template().name(), in.assignment().id(), in.definition().id(), in.referenceId());
  }

  private static ObjectNode match(Input in) {
    JsonNode d = in.details();
    ObjectNode m = NODES.objectNode();
    kinds(in).ifPresent(k -> m.set("kinds", k));
    List<String> scopeNs = in.assignment().scopeNamespaces();
    if (!scopeNs.isEmpty()) {
      ArrayNode ns = m.putArray("namespaces");
      scopeNs.forEach(ns::add);
    } else if (nonEmpty(d.path("namespaces"))) {
      m.set("namespaces", d.get("namespaces"));
    }
    if (nonEmpty(d.path("excludedNamespaces"))) {
      m.set("excludedNamespaces", d.get("excludedNamespaces"));
    }
    JsonNode selector = in.assignment().scopeSelector();
    if (selector != null) {
      m.set("labelSelector", selector);
    } else if (nonEmpty(d.path("labelSelector"))) {
      m.set("labelSelector", d.get("labelSelector"));
    }
    if (d.path("source").isTextual() && !d.path("source").asText().isEmpty()) {
      m.put("source", d.get("source").asText());
    }
    return m;
  }

  private static Optional<ArrayNode> kinds(Input in) {
    JsonNode d = in.details();
    if (d.has("kinds")) {
      ArrayNode groups = d.path("apiGroups").isArray() ? (ArrayNode) d.get("apiGroups") : null;
      ObjectNode entry = NODES.objectNode();
      entry.set("apiGroups", groups != null ? groups : NODES.arrayNode().add(""));
      entry.set("kinds", d.get("kinds"));
      return Optional.of(NODES.arrayNode().add(entry));
    }
    return in.definition()
        .template()
        .filter(TemplateRef.Store.class::isInstance)
        .map(t -> LEGACY_KINDS.get(((TemplateRef.Store) t).name()))
        .map(k -> NODES.arrayNode().add(k.json()));
  }

  /**
   * {@code details.values}; for deprecated definitions (whose Go-templated constraint picks some of
   * the values) only the fields the template's schema declares.
   */
  private static JsonNode parameters(Input in, ObjectNode values) {
    JsonNode props = in.template().parameterSchema().path("properties");
    if (in.definition().legacyConstraintUrl().isEmpty() || !props.isObject()) {
      return values;
    }
    ObjectNode out = NODES.objectNode();
    values
        .fields()
        .forEachRemaining(
            e -> {
              if (props.has(e.getKey())) {
                out.set(e.getKey(), e.getValue());
              }
            });
    return out;
  }

  private static ObjectNode annotations(Input in) {
    ObjectNode a = NODES.objectNode();
    PolicyAssignment as = in.assignment();
    a.put(ConstraintAnnotations.ASSIGNMENT_ID, as.id());
    a.put(ConstraintAnnotations.DEFINITION_ID, in.definition().id());
    PolicySetDefinition set = in.initiative();
    if (set != null) {
      a.put(ConstraintAnnotations.SET_DEFINITION_ID, set.id());
      a.put(ConstraintAnnotations.DEFINITION_REFERENCE_ID, in.referenceId());
      a.put(ConstraintAnnotations.INITIATIVE_DISPLAY_NAME, set.displayName());
    }
    a.put(ConstraintAnnotations.ASSIGNMENT, as.name());
    a.put(ConstraintAnnotations.ASSIGNMENT_DISPLAY_NAME, as.displayName());
    a.put(ConstraintAnnotations.DEFINITION_DISPLAY_NAME, in.definition().displayName());
    a.put(ConstraintAnnotations.DEFINITION_VERSION, in.definition().version().toString());
    a.put(ConstraintAnnotations.CATEGORY, in.definition().category());
    a.put(ConstraintAnnotations.EFFECT, in.effect().displayName());
    a.put(ConstraintAnnotations.ENFORCEMENT_MODE, as.enforcementMode().wireName());
    return a;
  }

  private static boolean nonEmpty(JsonNode n) {
    return (n.isArray() || n.isObject()) && !n.isEmpty();
  }
}
