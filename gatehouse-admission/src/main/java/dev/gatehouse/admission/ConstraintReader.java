package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.LabelSelector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates one constraint against its template: {@code spec.match} (globs, selectors,
 * scope), {@code spec.enforcementAction} / {@code scopedEnforcementActions}, and {@code
 * spec.parameters} against the template's schema.
 */
final class ConstraintReader {
  private static final Set<String> MATCH_FIELDS =
      Set.of(
          "kinds",
          "namespaces",
          "excludedNamespaces",
          "labelSelector",
          "namespaceSelector",
          "scope",
          "name",
          "source");

  private final KubeObject obj;
  private final Diagnostics diagnostics;
  private boolean ok = true;

  private ConstraintReader(KubeObject obj, Diagnostics diagnostics) {
    this.obj = obj;
    this.diagnostics = diagnostics;
  }

  static Optional<Constraint> read(KubeObject obj, ConstraintTemplate t, Diagnostics diagnostics) {
    return new ConstraintReader(obj, diagnostics).read(t);
  }

  private Optional<Constraint> read(ConstraintTemplate t) {
    if (obj.name().isEmpty()) {
      error("/metadata", "metadata.name is required");
    }
    JsonNode spec = obj.body().path("spec");
    Match match = readMatch(spec.path("match"));
    JsonNode params = spec.path("parameters");
    if (!params.isMissingNode()) {
      ParameterSchema.validate(
          t.parameterSchema(),
          params,
          "/spec/parameters",
          (p, m) -> error("bad-parameters", p, "spec.parameters" + relative(p) + " " + m),
          (p, m) -> {
            if (!t.legacySchema()) {
              diagnostics.warning(
                  "unknown-parameter",
                  obj.locate(p),
                  obj.displayName()
                      + ": spec.parameters"
                      + relative(p)
                      + ": "
                      + m
                      + " (not in the schema of "
                      + t.kind()
                      + "; Kubernetes would prune it)");
            }
          });
    }
    String action = spec.path("enforcementAction").asText("");
    boolean scoped = action.equals("scoped");
    EnforcementAction ea = EnforcementAction.DENY;
    if (!action.isEmpty() && !scoped) {
      Optional<EnforcementAction> parsed = EnforcementAction.parse(action);
      if (parsed.isEmpty()) {
        error(
            "/spec/enforcementAction",
            "unrecognized enforcementAction \""
                + action
                + "\" (expected deny, dryrun, warn or scoped)");
      } else {
        ea = parsed.get();
      }
    }
    List<ScopedEnforcementAction> scopedActions =
        readScoped(spec.path("scopedEnforcementActions"), scoped);
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new Constraint(obj.kind(), obj.name(), match, params, ea, scoped, scopedActions, obj));
  }

  private static String relative(String pointer) {
    String rest = pointer.substring("/spec/parameters".length());
    return rest.isEmpty() ? "" : rest.replace('/', '.');
  }

  private Match readMatch(JsonNode m) {
    if (m.isMissingNode() || m.isNull()) {
      return Match.ALL;
    }
    if (!m.isObject()) {
      error("/spec/match", "spec.match must be an object");
      return Match.ALL;
    }
    m.fieldNames()
        .forEachRemaining(
            f -> {
              if (!MATCH_FIELDS.contains(f)) {
                diagnostics.warning(
                    "unknown-match-field",
                    obj.locate("/spec/match/" + f),
                    obj.displayName() + ": unknown field spec.match." + f + "; ignored");
              }
            });
    List<Match.KindSelector> kinds = new ArrayList<>();
    JsonNode ks = m.path("kinds");
    for (int i = 0; i < ks.size(); i++) {
      kinds.add(
          new Match.KindSelector(
              strings(ks.get(i).path("apiGroups"), "/spec/match/kinds/" + i + "/apiGroups"),
              strings(ks.get(i).path("kinds"), "/spec/match/kinds/" + i + "/kinds")));
    }
    List<String> namespaces = globs(m.path("namespaces"), "namespaces");
    List<String> excluded = globs(m.path("excludedNamespaces"), "excludedNamespaces");
    LabelSelector labels =
        LabelSelector.parse(m.path("labelSelector"), obj, "/spec/match/labelSelector", diagnostics)
            .orElseGet(this::rejectSelector);
    @Nullable LabelSelector nsSelector = null;
    if (m.has("namespaceSelector") && !m.path("namespaceSelector").isNull()) {
      nsSelector =
          LabelSelector.parse(
                  m.path("namespaceSelector"), obj, "/spec/match/namespaceSelector", diagnostics)
              .orElseGet(this::rejectSelector);
    }
    String name = m.path("name").asText("");
    if (!name.isEmpty() && !Wildcard.NAME_PATTERN.matcher(name).matches()) {
      error("/spec/match/name", "spec.match.name \"" + name + "\" is not a valid name glob");
    }
    return new Match(
        kinds, namespaces, excluded, labels, nsSelector, readScope(m), name, readSource(m));
  }

  private Match.Source readSource(JsonNode m) {
    String source = m.path("source").asText("All");
    return switch (source) {
      case "All", "" -> Match.Source.ALL;
      case "Original" -> Match.Source.ORIGINAL;
      case "Generated" -> Match.Source.GENERATED;
      default -> {
        error("/spec/match/source", "spec.match.source must be All, Original or Generated");
        yield Match.Source.ALL;
      }
    };
  }

  private LabelSelector rejectSelector() {
    ok = false;
    return LabelSelector.ALL;
  }

  private Match.Scope readScope(JsonNode m) {
    String scope = m.path("scope").asText("*");
    return switch (scope) {
      case "*", "" -> Match.Scope.ALL;
      case "Cluster" -> Match.Scope.CLUSTER;
      case "Namespaced" -> Match.Scope.NAMESPACED;
      default -> {
        error("/spec/match/scope", "spec.match.scope must be *, Cluster or Namespaced");
        yield Match.Scope.ALL;
      }
    };
  }

  private List<String> globs(JsonNode list, String field) {
    List<String> out = new ArrayList<>();
    String at = "/spec/match/" + field;
    for (String g : strings(list, at)) {
      if (!Wildcard.NAMESPACE_PATTERN.matcher(g).matches()) {
        error(
            at,
            "spec.match."
                + field
                + " entry \""
                + g
                + "\" is not a namespace glob (prefix*, *suffix, *contains* or a name)");
      }
      out.add(g);
    }
    return out;
  }

  private List<ScopedEnforcementAction> readScoped(JsonNode list, boolean scoped) {
    List<ScopedEnforcementAction> out = new ArrayList<>();
    if (!scoped) {
      return out;
    }
    if (!list.isArray() || list.isEmpty()) {
      error(
          "/spec/enforcementAction",
          "enforcementAction scoped requires spec.scopedEnforcementActions");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = "/spec/scopedEnforcementActions/" + i;
      String a = list.get(i).path("action").asText("");
      Optional<EnforcementAction> action = EnforcementAction.parse(a);
      Set<String> points = new LinkedHashSet<>();
      list.get(i).path("enforcementPoints").forEach(p -> points.add(p.path("name").asText("")));
      if (action.isEmpty()) {
        error(at + "/action", "scoped action \"" + a + "\" is not deny, dryrun or warn");
      } else if (points.isEmpty()) {
        error(at, "scoped action " + a + " has no enforcementPoints");
      } else {
        out.add(new ScopedEnforcementAction(action.get(), points));
      }
    }
    return out;
  }

  private Set<String> strings(JsonNode list, String at) {
    Set<String> out = new LinkedHashSet<>();
    if (list.isMissingNode() || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      error(at, at.substring(1).replace('/', '.') + " must be a list");
      return out;
    }
    list.forEach(n -> out.add(n.asText()));
    return out;
  }

  private void error(String pointer, String message) {
    error("bad-constraint", pointer, message);
  }

  private void error(String code, String pointer, String message) {
    ok = false;
    diagnostics.error(code, obj.locate(pointer), obj.displayName() + ": " + message);
  }
}
