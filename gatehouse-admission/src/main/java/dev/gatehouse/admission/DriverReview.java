package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a driver gets for one request: the request, the Namespace of the object under review, and
 * the inventory. One instance is shared by every template reviewed for that request, so a driver
 * can convert the request once ({@link #memo}) and reuse it for every constraint.
 */
public final class DriverReview {
  private final AdmissionRequest request;
  private final @Nullable ObjectNode namespaceObject;
  private final Inventory inventory;
  private final Map<Object, Object> memo = new ConcurrentHashMap<>();

  /** A review of {@code request}; {@code namespaceObject} is null for cluster-scoped objects. */
  public DriverReview(
      AdmissionRequest request, @Nullable ObjectNode namespaceObject, Inventory inventory) {
    this.request = request;
    this.namespaceObject = namespaceObject;
    this.inventory = inventory;
  }

  /** The request under review. */
  public AdmissionRequest request() {
    return request;
  }

  /** The Namespace object of the request's namespace, when known. */
  public Optional<ObjectNode> namespaceObject() {
    return Optional.ofNullable(namespaceObject);
  }

  /** The inventory ({@code data.inventory} for Rego). */
  public Inventory inventory() {
    return inventory;
  }

  /**
   * Gatekeeper's {@code input.review}: the AdmissionRequest JSON plus {@code namespaceObject} (null
   * when unknown); on DELETE, {@code object} is the old object (Gatekeeper's Rego driver does the
   * same).
   */
  public ObjectNode gatekeeperReview() {
    return memo(
        "gatekeeper.review",
        r -> {
          ObjectNode json = request.json().deepCopy();
          json.set(
              "namespaceObject",
              namespaceObject == null ? NullNode.getInstance() : namespaceObject);
          if (request.operation() == Operation.DELETE && request.oldObject() != null) {
            json.set("object", request.oldObject());
          }
          return json;
        });
  }

  /**
   * The value {@code compute} derives from this review, computed once per key and request (a
   * driver's converted input, for example). {@code key} should be a constant owned by the driver.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(Object key, Function<DriverReview, T> compute) {
    Object v = memo.get(key);
    if (v == null) {
      v = compute.apply(this);
      memo.putIfAbsent(key, v);
    }
    return (T) v;
  }
}
