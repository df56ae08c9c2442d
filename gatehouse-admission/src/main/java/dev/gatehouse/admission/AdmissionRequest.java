package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request under review: either a plain object (reviewed as gator does, with only kind, name,
 * namespace and object set) or the {@code request} of an AdmissionReview ({@code admission.k8s.io}
 * v1 or v1beta1), reviewed as written.
 *
 * @param operation the operation ({@link Operation#NONE} for plain objects)
 * @param kind {@code request.kind}
 * @param name {@code request.name} (or the object's name)
 * @param namespace {@code request.namespace} (or the object's), "" for cluster-scoped objects
 * @param object {@code request.object}; null on DELETE
 * @param oldObject {@code request.oldObject}; null on CREATE and for plain objects
 * @param json the AdmissionRequest as JSON ({@code input.review} without {@code namespaceObject})
 * @param source the input object (the plain object or the AdmissionReview)
 */
public record AdmissionRequest(
    Operation operation,
    GroupVersionKind kind,
    String name,
    String namespace,
    @Nullable ObjectNode object,
    @Nullable ObjectNode oldObject,
    ObjectNode json,
    KubeObject source) {

  /** The kind of an AdmissionReview. */
  public static final String REVIEW_KIND = "AdmissionReview";

  /**
   * The object the policy is about: {@code object}, or {@code oldObject} on DELETE (Gatekeeper's
   * {@code variables.anyObject}).
   */
  public ObjectNode reviewed() {
    ObjectNode o = object != null ? object : oldObject;
    return o != null ? o : JsonNodeFactory.instance.objectNode();
  }

  /** {@code Kind ns/name} or {@code Kind name}, for messages. */
  public String displayName() {
    return kind.kind() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }

  /** Whether {@code obj} is an {@code admission.k8s.io} AdmissionReview. */
  public static boolean isReview(KubeObject obj) {
    return obj.kind().equals(REVIEW_KIND) && obj.apiGroup().equals("admission.k8s.io");
  }

  /** A plain object under review, as gator wraps it: no operation, no user, no oldObject. */
  public static AdmissionRequest ofObject(KubeObject obj) {
    GroupVersionKind gvk = GroupVersionKind.of(obj.apiVersion(), obj.kind());
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.set("kind", kindJson(gvk));
    json.put("name", obj.name());
    json.put("namespace", obj.namespace());
    json.set("object", obj.body());
    return new AdmissionRequest(
        Operation.NONE, gvk, obj.name(), obj.namespace(), obj.body(), null, json, obj);
  }

  /**
   * Reads an AdmissionReview's request; problems (no request, no object, unknown operation) are
   * reported and the review skipped.
   */
  public static Optional<AdmissionRequest> ofReview(KubeObject review, Diagnostics diagnostics) {
    JsonNode req = review.body().path("request");
    if (!(req instanceof ObjectNode json)) {
      diagnostics.error(
          "bad-admission-review", review.location(), "AdmissionReview without a request; skipped");
      return Optional.empty();
    }
    ObjectNode object = json.path("object") instanceof ObjectNode o ? o : null;
    ObjectNode oldObject = json.path("oldObject") instanceof ObjectNode o ? o : null;
    if (object == null && oldObject == null) {
      diagnostics.error(
          "bad-admission-review",
          review.locate("/request"),
          "AdmissionReview request has neither object nor oldObject; skipped");
      return Optional.empty();
    }
    String op = json.path("operation").asText("");
    Optional<Operation> operation = parseOperation(op);
    if (operation.isEmpty()) {
      diagnostics.error(
          "bad-admission-review",
          review.locate("/request/operation"),
          "unknown operation \"" + op + "\" (expected CREATE, UPDATE, DELETE or CONNECT); skipped");
      return Optional.empty();
    }
    ObjectNode subject = java.util.Objects.requireNonNull(object != null ? object : oldObject);
    GroupVersionKind gvk = requestKind(json, subject);
    String name = text(json, "name", subject.path("metadata").path("name").asText(""));
    String ns = text(json, "namespace", subject.path("metadata").path("namespace").asText(""));
    if (operation.get() == Operation.DELETE) {
      object = null;
    }
    return Optional.of(
        new AdmissionRequest(operation.get(), gvk, name, ns, object, oldObject, json, review));
  }

  private static Optional<Operation> parseOperation(String op) {
    if (op.isEmpty()) {
      return Optional.of(Operation.NONE);
    }
    try {
      Operation o = Operation.valueOf(op.toUpperCase(Locale.ROOT));
      return o == Operation.NONE ? Optional.empty() : Optional.of(o);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static GroupVersionKind requestKind(ObjectNode json, ObjectNode subject) {
    JsonNode k = json.path("kind");
    if (k.isObject() && !k.path("kind").asText("").isEmpty()) {
      return new GroupVersionKind(
          k.path("group").asText(""), k.path("version").asText(""), k.path("kind").asText(""));
    }
    return GroupVersionKind.of(
        subject.path("apiVersion").asText(""), subject.path("kind").asText(""));
  }

  private static String text(ObjectNode json, String field, String fallback) {
    String v = json.path(field).asText("");
    return v.isEmpty() ? fallback : v;
  }

  private static ObjectNode kindJson(GroupVersionKind gvk) {
    ObjectNode k = JsonNodeFactory.instance.objectNode();
    k.put("group", gvk.group());
    k.put("version", gvk.version());
    k.put("kind", gvk.kind());
    return k;
  }
}
