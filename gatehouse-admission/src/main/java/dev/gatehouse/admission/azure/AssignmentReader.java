package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.LabelSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates {@code PolicyAssignment} objects ({@code gatehouse.dev/v1alpha1}) at the
 * boundary: exactly one of {@code spec.definition} / {@code spec.initiative}, namespace globs,
 * label selectors, effect, enforcement mode and the shape of parameters. Whether the target exists
 * and the parameters fit it is checked when the assignment is expanded against a catalog.
 *
 * <p>Code: {@code bad-assignment}; unknown {@code spec} fields are warnings ({@code
 * unknown-assignment-field}).
 */
public final class AssignmentReader {
  private static final Pattern NAMESPACE_GLOB = Pattern.compile("^\\*?[-:a-z0-9]*\\*?$");
  private static final Pattern NAME = Pattern.compile("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$");
  private static final Set<String> SPEC_FIELDS =
      Set.of(
          "displayName",
          "description",
          "definition",
          "initiative",
          "scope",
          "excludedNamespaces",
          "effect",
          "enforcementMode",
          "parameters");

  private final KubeObject obj;
  private final Diagnostics diagnostics;
  private boolean ok = true;

  private AssignmentReader(KubeObject obj, Diagnostics diagnostics) {
    this.obj = obj;
    this.diagnostics = diagnostics;
  }

  /** Whether {@code obj} is a {@code PolicyAssignment} of any {@code gatehouse.dev} version. */
  public static boolean isAssignment(KubeObject obj) {
    return obj.kind().equals(PolicyAssignment.KIND) && obj.apiGroup().equals("gatehouse.dev");
  }

  /** Reads one assignment; empty (with located errors) when it is invalid. */
  public static Optional<PolicyAssignment> read(KubeObject obj, Diagnostics diagnostics) {
    return new AssignmentReader(obj, diagnostics).read();
  }

  private Optional<PolicyAssignment> read() {
    if (!obj.apiVersion().equals(PolicyAssignment.API_VERSION)) {
      error("/apiVersion", "apiVersion must be " + PolicyAssignment.API_VERSION);
    }
    if (!NAME.matcher(obj.name()).matches() || obj.name().length() > 253) {
      error("/metadata/name", "metadata.name must be a DNS subdomain name (lower case)");
    }
    JsonNode spec = obj.body().path("spec");
    if (!spec.isObject()) {
      error("/spec", "spec is required");
      return Optional.empty();
    }
    spec.fieldNames()
        .forEachRemaining(
            f -> {
              if (!SPEC_FIELDS.contains(f)) {
                diagnostics.warning(
                    "unknown-assignment-field",
                    obj.locate("/spec/" + f),
                    obj.displayName() + ": unknown field spec." + f + "; ignored");
              }
            });
    PolicyAssignment.Target target = target(spec);
    List<String> scopeNs = globs(spec.path("scope").path("namespaces"), "/spec/scope/namespaces");
    JsonNode selector = spec.path("scope").path("labelSelector");
    if (!selector.isMissingNode() && !selector.isNull()) {
      LabelSelector.parse(selector, obj, "/spec/scope/labelSelector", diagnostics)
          .ifPresentOrElse(s -> {}, () -> ok = false);
    }
    JsonNode scope = spec.path("scope");
    if (!scope.isMissingNode() && !scope.isObject()) {
      error("/spec/scope", "spec.scope must be an object (namespaces, labelSelector)");
    }
    List<String> excluded =
        spec.has("excludedNamespaces")
            ? globs(spec.get("excludedNamespaces"), "/spec/excludedNamespaces")
            : null;
    Effect effect = effect(spec.path("effect"));
    EnforcementMode mode = mode(spec.path("enforcementMode"));
    Map<String, JsonNode> params = new LinkedHashMap<>();
    JsonNode ps = spec.path("parameters");
    if (ps.isObject()) {
      ps.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
    } else if (!ps.isMissingNode() && !ps.isNull()) {
      error("/spec/parameters", "spec.parameters must be a map of parameter names to values");
    }
    if (!ok || target == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PolicyAssignment(
            obj.name(),
            spec.path("displayName").asText(obj.name()),
            spec.path("description").asText(""),
            target,
            scopeNs,
            selector.isMissingNode() || selector.isNull() ? null : selector,
            excluded,
            effect,
            mode,
            params,
            obj));
  }

  private PolicyAssignment.@Nullable Target target(JsonNode spec) {
    boolean def = spec.hasNonNull("definition");
    boolean set = spec.hasNonNull("initiative");
    if (def == set) {
      error(
          "/spec",
          def
              ? "set only one of spec.definition and spec.initiative"
              : "spec.definition or spec.initiative is required (a display name, name or id)");
      return null;
    }
    String field = def ? "definition" : "initiative";
    JsonNode ref = spec.get(field);
    if (!ref.isTextual() || ref.asText().isBlank()) {
      error("/spec/" + field, "spec." + field + " must be a display name, name or id");
      return null;
    }
    return new PolicyAssignment.Target(
        def ? PolicyAssignment.TargetType.DEFINITION : PolicyAssignment.TargetType.INITIATIVE,
        ref.asText(),
        "/spec/" + field);
  }

  private @Nullable Effect effect(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    Optional<Effect> e = Effect.parse(node.asText(""));
    if (!node.isTextual() || e.isEmpty()) {
      error("/spec/effect", "spec.effect must be Deny, Audit or Disabled, not " + node);
      return null;
    }
    return e.get();
  }

  private EnforcementMode mode(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return EnforcementMode.DEFAULT;
    }
    Optional<EnforcementMode> m = EnforcementMode.parse(node.asText(""));
    if (!node.isTextual() || m.isEmpty()) {
      error("/spec/enforcementMode", "spec.enforcementMode must be Default or DoNotEnforce");
      return EnforcementMode.DEFAULT;
    }
    return m.get();
  }

  private List<String> globs(JsonNode list, String at) {
    List<String> out = new ArrayList<>();
    if (list.isMissingNode() || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      error(at, at.substring(1).replace('/', '.') + " must be a list of namespaces");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      String g = list.get(i).asText("");
      if (!list.get(i).isTextual() || !NAMESPACE_GLOB.matcher(g).matches()) {
        error(
            at + "/" + i,
            "\""
                + list.get(i).asText()
                + "\" is not a namespace glob (prefix*, *suffix, *contains*"
                + " or a name)");
      } else {
        out.add(g);
      }
    }
    return out;
  }

  private void error(String pointer, String message) {
    ok = false;
    diagnostics.error("bad-assignment", obj.locate(pointer), obj.displayName() + ": " + message);
  }
}
