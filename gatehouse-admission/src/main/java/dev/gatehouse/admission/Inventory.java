package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.KubeObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects a review may refer to besides the one under review: Gatekeeper's synced data ({@code
 * data.inventory}) and the Namespaces that {@code namespaceSelector} and {@code namespaceObject}
 * need. Immutable.
 *
 * <p>Layout (Gatekeeper's {@code target.go}): cluster-scoped objects at {@code
 * cluster[groupVersion][Kind][name]}, namespaced ones at {@code
 * namespace[ns][groupVersion][Kind][name]}; {@code groupVersion} is {@code v1} for the core group.
 */
public final class Inventory {
  private static final Inventory EMPTY = new Inventory(List.of());

  private final List<KubeObject> objects;
  private final ObjectNode data;
  private final Map<String, ObjectNode> namespaces = new HashMap<>();

  private Inventory(List<KubeObject> objects) {
    this.objects = List.copyOf(objects);
    JsonNodeFactory f = JsonNodeFactory.instance;
    this.data = f.objectNode();
    ObjectNode cluster = data.putObject("cluster");
    ObjectNode namespaced = data.putObject("namespace");
    for (KubeObject o : this.objects) {
      String gv = GroupVersionKind.of(o.apiVersion(), o.kind()).groupVersion();
      ObjectNode root = o.namespace().isEmpty() ? cluster : child(namespaced, o.namespace());
      child(child(root, gv), o.kind()).set(o.name(), o.body());
      if (o.kind().equals("Namespace") && o.apiVersion().equals("v1")) {
        namespaces.put(o.name(), o.body());
      }
    }
  }

  /** The inventory holding nothing. */
  public static Inventory empty() {
    return EMPTY;
  }

  /** An inventory of {@code objects}. */
  public static Inventory of(List<KubeObject> objects) {
    return objects.isEmpty() ? EMPTY : new Inventory(objects);
  }

  /** The objects, in input order. */
  public List<KubeObject> objects() {
    return objects;
  }

  /**
   * {@code data.inventory} as a JSON tree: {@code {"cluster": ..., "namespace": ...}}. Shared;
   * callers must not modify it.
   */
  public ObjectNode data() {
    return data;
  }

  /** The Namespace object named {@code name}, if the inventory has it. */
  public Optional<ObjectNode> namespace(String name) {
    return Optional.ofNullable(namespaces.get(name));
  }

  private static ObjectNode child(ObjectNode parent, String key) {
    return parent.get(key) instanceof ObjectNode o ? o : parent.putObject(key);
  }
}
