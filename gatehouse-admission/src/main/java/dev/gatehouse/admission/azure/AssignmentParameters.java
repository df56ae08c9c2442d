package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds an assignment's values to its definition's or initiative's parameters: {@code
 * spec.parameters} (each must be declared), {@code spec.effect} (spelled as the effect parameter's
 * allowed values spell it) and {@code spec.excludedNamespaces}, then defaults, types and allowed
 * values ({@link ParameterBinder}). Every problem is located at the assignment field that causes
 * it.
 */
final class AssignmentParameters {
  private final PolicyAssignment a;
  private final CatalogEntry e;
  private final Diagnostics diagnostics;
  private final Map<String, JsonNode> given = new LinkedHashMap<>();
  private final Map<String, String> pointers = new LinkedHashMap<>();
  private boolean ok = true;

  private AssignmentParameters(PolicyAssignment a, CatalogEntry e, Diagnostics diagnostics) {
    this.a = a;
    this.e = e;
    this.diagnostics = diagnostics;
  }

  /** The value of every parameter, or empty when a value is wrong or missing (each reported). */
  static Optional<Map<String, JsonNode>> bind(
      PolicyAssignment a, CatalogEntry e, Diagnostics diagnostics) {
    return new AssignmentParameters(a, e, diagnostics).bind();
  }

  private Optional<Map<String, JsonNode>> bind() {
    a.parameters().forEach(this::given);
    Effect effect = a.effect();
    if (effect != null) {
      effect(effect);
    }
    List<String> excluded = a.excludedNamespaces();
    if (excluded != null) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      excluded.forEach(list::add);
      override("excludedNamespaces", "/spec/excludedNamespaces", list);
    }
    scopeConflict("namespaces", !a.scopeNamespaces().isEmpty());
    scopeConflict("labelSelector", a.scopeSelector() != null);
    if (!ok) {
      return Optional.empty();
    }
    return ParameterBinder.bind(
        AssignmentExpander.owner(e) + " (" + e.document().locate("") + ")",
        e.parameters(),
        given,
        n -> a.origin().locate(pointers.getOrDefault(n, a.target().pointer())),
        diagnostics);
  }

  private void given(String name, JsonNode value) {
    String pointer = "/spec/parameters/" + name;
    if (!e.parameters().containsKey(name)) {
      error(
          "unknown-parameter",
          pointer,
          AssignmentExpander.owner(e)
              + " has no parameter '"
              + name
              + "' (it has: "
              + String.join(", ", e.parameters().keySet())
              + ")");
      return;
    }
    given.put(name, value);
    pointers.put(name, pointer);
  }

  private void effect(Effect effect) {
    ParameterDefinition p = e.parameters().get("effect");
    if (p == null) {
      override("effect", "/spec/effect", TextNode.valueOf(effect.displayName()));
      return;
    }
    Optional<String> text = p.canonicalText(effect.displayName());
    if (text.isEmpty()) {
      error(
          "bad-parameter",
          "/spec/effect",
          AssignmentExpander.owner(e)
              + " does not allow effect "
              + effect.displayName()
              + " (allowed: "
              + String.join(", ", p.allowedValues().stream().map(JsonNode::asText).toList())
              + ")");
      return;
    }
    override("effect", "/spec/effect", TextNode.valueOf(text.get()));
  }

  /** Sets {@code param} from the assignment field at {@code pointer}. */
  private void override(String param, String pointer, JsonNode value) {
    String field = pointer.substring(1).replace('/', '.');
    if (a.parameters().containsKey(param)) {
      error(
          "bad-assignment",
          pointer,
          "set " + field + " or spec.parameters." + param + ", not both");
    } else if (!e.parameters().containsKey(param)) {
      error(
          "unknown-parameter",
          pointer,
          AssignmentExpander.owner(e)
              + " has no parameter '"
              + param
              + "', so "
              + field
              + " cannot be set");
    } else {
      given.put(param, value);
      pointers.put(param, pointer);
    }
  }

  private void scopeConflict(String param, boolean scoped) {
    if (scoped && a.parameters().containsKey(param)) {
      error(
          "bad-assignment",
          "/spec/scope/" + param,
          "set spec.scope." + param + " or spec.parameters." + param + ", not both");
    }
  }

  private void error(String code, String pointer, String message) {
    ok = false;
    SourceLocation at = a.origin().locate(pointer);
    diagnostics.error(code, at, a.origin().displayName() + ": " + message);
  }
}
