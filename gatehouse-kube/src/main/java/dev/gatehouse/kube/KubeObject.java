package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Kubernetes object as read from the input: its unstructured body and where it came from.
 *
 * <p>The body is a Jackson tree and must not be modified. {@link #locate(String)} maps a JSON
 * pointer inside the object (e.g. {@code /spec/ingress/0/from}) to the line of the input where that
 * field was written, so every diagnostic about a field can name its line.
 */
public record KubeObject(ObjectNode body, SourceLocation location, LineIndex lines) {

  /** The object's {@code apiVersion}, or "" when absent. */
  public String apiVersion() {
    return body.path("apiVersion").asText("");
  }

  /** The group part of {@code apiVersion} ("" for the core group). */
  public String apiGroup() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? "" : v.substring(0, slash);
  }

  /** The object's {@code kind}, or "" when absent. */
  public String kind() {
    return body.path("kind").asText("");
  }

  /** {@code metadata.name}, or "" when absent. */
  public String name() {
    return body.path("metadata").path("name").asText("");
  }

  /** {@code metadata.namespace} as written, or "" when absent. */
  public String namespace() {
    return body.path("metadata").path("namespace").asText("");
  }

  /** {@code metadata.namespace}, or {@code default} when absent (for namespaced kinds). */
  public String namespaceOrDefault() {
    String ns = namespace();
    return ns.isEmpty() ? "default" : ns;
  }

  /** {@code metadata.labels} as a map (empty when absent). */
  public Map<String, String> labels() {
    return stringMap(body.path("metadata").path("labels"));
  }

  /** {@code metadata.annotations} as a map (empty when absent). */
  public Map<String, String> annotations() {
    return stringMap(body.path("metadata").path("annotations"));
  }

  /** The location of the field at {@code pointer} (a JSON pointer), or of the object itself. */
  public SourceLocation locate(String pointer) {
    int line = lines.lineOf(pointer);
    return line > 0 ? location.atLine(line) : location;
  }

  /** {@code Kind ns/name} or {@code Kind name}, as used in messages. */
  public String displayName() {
    String ns = namespace();
    return kind() + " " + (ns.isEmpty() ? name() : ns + "/" + name());
  }

  /** Converts a JSON object of strings into an ordered map; non-string values are rendered. */
  public static Map<String, String> stringMap(JsonNode node) {
    if (!node.isObject() || node.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      out.put(e.getKey(), v.isTextual() ? v.asText() : v.isNull() ? "" : v.toString());
    }
    return out;
  }
}
