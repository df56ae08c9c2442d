package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.admission.EnforcementAction;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Expands assignments into the templates and constraints they deploy, as the Azure Policy add-on
 * does in a cluster:
 *
 * <ol>
 *   <li>find the definition or initiative the assignment names;
 *   <li>bind the assignment's parameters (and {@code spec.effect}, {@code spec.excludedNamespaces})
 *       to its parameters, with defaults and allowed values;
 *   <li>for an initiative, resolve each member at its pinned version and evaluate the member's
 *       parameter values (ARM expressions over the initiative's parameters);
 *   <li>evaluate the definition's effect and details; {@code Disabled} deploys nothing;
 *   <li>resolve the template offline and build the constraint ({@link ConstraintBuilder}).
 * </ol>
 *
 * <p>Problems are located at the assignment (the user's input) and name the definition's file and
 * line. Codes: {@code unknown-definition}, {@code ambiguous-definition}, {@code unknown-parameter},
 * {@code missing-parameter}, {@code bad-parameter}, {@code bad-expression}, {@code bad-effect},
 * {@code template-not-bundled}, {@code duplicate-template}; warning {@code member-skipped}; note
 * {@code version-substituted}.
 */
final class AssignmentExpander {
  private final DefinitionCatalog catalog;
  private final TemplateResolver templates;
  private final Diagnostics diagnostics;
  private final Map<String, KubeObject> templateObjects = new LinkedHashMap<>();
  private final List<KubeObject> constraints = new ArrayList<>();
  private final List<DeployedPolicy> deployed = new ArrayList<>();

  AssignmentExpander(DefinitionCatalog catalog, TemplateStore store, Diagnostics diagnostics) {
    this.catalog = catalog;
    this.templates = new TemplateResolver(store);
    this.diagnostics = diagnostics;
  }

  /** The templates deployed so far, one per template name. */
  List<KubeObject> templates() {
    return List.copyOf(templateObjects.values());
  }

  /** The constraints deployed so far. */
  List<KubeObject> constraints() {
    return List.copyOf(constraints);
  }

  /** Every definition deployed or disabled so far. */
  List<DeployedPolicy> deployed() {
    return List.copyOf(deployed);
  }

  /** Expands one assignment; nothing is deployed for it if any of its parameters is wrong. */
  void expand(PolicyAssignment a) {
    SourceLocation at = a.origin().locate(a.target().pointer());
    switch (a.target().type()) {
      case DEFINITION ->
          find(a, PolicyDefinition.class, "policy definition")
              .ifPresent(
                  d ->
                      AssignmentParameters.bind(a, d, diagnostics)
                          .ifPresent(v -> deploy(a, d, null, "", v, at)));
      case INITIATIVE ->
          find(a, PolicySetDefinition.class, "initiative")
              .ifPresent(
                  set ->
                      AssignmentParameters.bind(a, set, diagnostics)
                          .ifPresent(v -> set.members().forEach(m -> member(a, set, m, v))));
    }
  }

  private <T extends CatalogEntry> Optional<T> find(
      PolicyAssignment a, Class<T> type, String what) {
    String ref = a.target().reference();
    List<T> found = catalog.lookup(ref, type);
    SourceLocation at = a.origin().locate(a.target().pointer());
    if (found.size() == 1) {
      return Optional.of(found.get(0));
    }
    if (found.isEmpty() && catalog.isEmpty()) {
      error(
          "unknown-definition",
          at,
          a,
          "no policy definitions or initiatives are loaded, so \"" + ref + "\" cannot be found");
      return Optional.empty();
    }
    if (found.isEmpty()) {
      Class<? extends CatalogEntry> other =
          type == PolicyDefinition.class ? PolicySetDefinition.class : PolicyDefinition.class;
      String hint =
          catalog.lookup(ref, other).isEmpty()
              ? " (gatehouse policy definitions lists them)"
              : "; it is "
                  + (other == PolicySetDefinition.class
                      ? "an initiative: use spec.initiative"
                      : "a policy definition: use spec.definition");
      error("unknown-definition", at, a, "no " + what + " named \"" + ref + "\"" + hint);
      return Optional.empty();
    }
    error(
        "ambiguous-definition",
        at,
        a,
        "\""
            + ref
            + "\" names "
            + found.size()
            + " "
            + what
            + "s; use one of their ids: "
            + String.join(", ", found.stream().map(CatalogEntry::id).toList()));
    return Optional.empty();
  }

  private void member(
      PolicyAssignment a,
      PolicySetDefinition set,
      PolicySetDefinition.Member m,
      Map<String, JsonNode> setValues) {
    SourceLocation at = a.origin().locate(a.target().pointer());
    String where =
        "initiative member " + m.referenceId() + " (" + set.document().locate(m.pointer()) + ")";
    Optional<DefinitionCatalog.Resolution> r =
        catalog.resolve(m.definitionId(), m.definitionVersion());
    if (r.isEmpty()) {
      diagnostics.warning(
          "member-skipped",
          at,
          a.origin().displayName()
              + ": "
              + where
              + ": definition "
              + m.definitionId()
              + " is not loaded (only Kubernetes validation definitions, mode "
              + DefinitionReader.KUBERNETES_MODE
              + ", are); skipped");
      return;
    }
    PolicyDefinition def = r.get().definition();
    if (def.isMutation()) {
      diagnostics.warning(
          "member-skipped",
          at,
          a.origin().displayName()
              + ": "
              + where
              + ": \""
              + def.displayName()
              + "\" is a mutation definition, which Gatehouse does not deploy; skipped");
      return;
    }
    Map<String, JsonNode> given = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    for (Map.Entry<String, JsonNode> p : m.parameters().entrySet()) {
      JsonNode v;
      try {
        v =
            ParameterBinder.resolve(
                p.getValue(), setValues, m.pointer() + "/parameters/" + p.getKey());
      } catch (ArmExpressionException e) {
        error("bad-expression", at, a, where + ": " + e.getMessage());
        return;
      }
      if (def.parameters().containsKey(p.getKey())) {
        given.put(p.getKey(), v);
      } else if (r.get().substituted()) {
        dropped.add(p.getKey() + "=" + v);
      } else {
        error(
            "unknown-parameter",
            at,
            a,
            where + ": \"" + def.displayName() + "\" has no parameter '" + p.getKey() + "'");
        return;
      }
    }
    if (r.get().substituted()) {
      substituted(a, at, where, m, def, dropped);
    }
    ParameterBinder.bind(owner(def) + " in " + where, def.parameters(), given, n -> at, diagnostics)
        .ifPresent(v -> deploy(a, def, set, m.referenceId(), v, at));
  }

  /**
   * Notes that a member's pinned version is not available and a newer one is used. A note, not a
   * warning: the published files hold only each definition's newest body, the user cannot fix it
   * (other than by adding the older definitions with the pinned version), and the initiatives'
   * intent survives (e.g. no host ports at all, whether as minPort/maxPort 0 or an empty list).
   */
  private void substituted(
      PolicyAssignment a,
      SourceLocation at,
      String where,
      PolicySetDefinition.Member m,
      PolicyDefinition def,
      List<String> dropped) {
    boolean listed =
        def.versions().stream()
            .map(DefinitionVersion::parse)
            .flatMap(Optional::stream)
            .anyMatch(v -> v.satisfies(m.definitionVersion()));
    diagnostics.info(
        "version-substituted",
        at,
        a.origin().displayName()
            + ": "
            + where
            + " pins \""
            + def.displayName()
            + "\" at "
            + m.definitionVersion()
            + (listed ? " (a version Azure lists, whose body is not available here)" : "")
            + "; using "
            + def.version()
            + (dropped.isEmpty()
                ? ""
                : ", without the parameters it no longer has: " + String.join(", ", dropped)));
  }

  private void deploy(
      PolicyAssignment a,
      PolicyDefinition def,
      @Nullable PolicySetDefinition set,
      String referenceId,
      Map<String, JsonNode> values,
      SourceLocation at) {
    if (def.isMutation()) {
      error(
          "bad-effect",
          at,
          a,
          owner(def) + " is a mutation definition, which Gatehouse does not deploy");
      return;
    }
    JsonNode details;
    Effect effect;
    try {
      JsonNode e =
          ParameterBinder.resolve(def.effect(), values, "/properties/policyRule/then/effect");
      Optional<Effect> parsed = e.isTextual() ? Effect.parse(e.asText()) : Optional.empty();
      if (parsed.isEmpty()) {
        error(
            "bad-effect", at, a, owner(def) + ": effect " + e + " is not Deny, Audit or Disabled");
        return;
      }
      effect = parsed.get();
      details = ParameterBinder.resolve(def.details(), values, def.detailsPointer());
    } catch (ArmExpressionException e) {
      error(
          "bad-expression",
          at,
          a,
          owner(def) + " (" + def.document().file() + "): " + e.getMessage());
      return;
    }
    JsonNode warn = details.path("warn");
    if (!warn.isMissingNode() && !warn.isBoolean()) {
      error("bad-parameter", at, a, owner(def) + ": details.warn must be a boolean, not " + warn);
      return;
    }
    Optional<EnforcementAction> action = effect.action(warn.asBoolean(false), a.enforcementMode());
    if (action.isEmpty()) {
      deployed.add(new DeployedPolicy(a, def, set, referenceId, effect, null, "", "", ""));
      return;
    }
    TemplateRef ref = def.template().orElseThrow();
    Optional<ConstraintTemplate> template =
        templates.resolve(
            ref,
            def.document().file(),
            diagnostics,
            why ->
                error(
                    "template-not-bundled",
                    at,
                    a,
                    owner(def) + " (" + def.document().locate(def.detailsPointer()) + "): " + why));
    if (template.isEmpty() || !addTemplate(a, template.get(), at)) {
      return;
    }
    ConstraintBuilder.Input in =
        new ConstraintBuilder.Input(
            a, def, set, referenceId, details, effect, action.get(), template.get());
    constraints.add(ConstraintBuilder.build(in));
    deployed.add(
        new DeployedPolicy(
            a,
            def,
            set,
            referenceId,
            effect,
            action.get(),
            ConstraintBuilder.name(in),
            template.get().kind(),
            template.get().name()));
  }

  private boolean addTemplate(PolicyAssignment a, ConstraintTemplate t, SourceLocation at) {
    KubeObject previous = templateObjects.putIfAbsent(t.name(), t.origin());
    if (previous != null && !previous.location().equals(t.origin().location())) {
      error(
          "duplicate-template",
          at,
          a,
          "template "
              + t.name()
              + " from "
              + t.origin().location()
              + " differs from the one already deployed from "
              + previous.location());
      return false;
    }
    return true;
  }

  static String owner(CatalogEntry e) {
    return (e instanceof PolicySetDefinition ? "initiative \"" : "policy definition \"")
        + e.displayName()
        + "\"";
  }

  private void error(String code, SourceLocation at, PolicyAssignment a, String message) {
    diagnostics.error(code, at, a.origin().displayName() + ": " + message);
  }
}
