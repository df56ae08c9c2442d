package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.KubeObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code PolicyAssignment} ({@code gatehouse.dev/v1alpha1}): a definition or an
 * initiative assigned to the cluster (or some of its namespaces or labelled objects), with
 * parameter values, an effect and an enforcement mode. See docs/azure-policy.md.
 *
 * @param name {@code metadata.name}
 * @param displayName {@code spec.displayName} (the name when absent)
 * @param description {@code spec.description}
 * @param target what is assigned: a definition or an initiative, by reference
 * @param scopeNamespaces {@code spec.scope.namespaces} (globs; empty = every namespace)
 * @param scopeSelector {@code spec.scope.labelSelector} as written, or null
 * @param excludedNamespaces {@code spec.excludedNamespaces}, or null to keep the definition's
 * @param effect {@code spec.effect}, or null to keep the parameter's value
 * @param enforcementMode {@code spec.enforcementMode}
 * @param parameters {@code spec.parameters}, by name, as written
 * @param origin the object it was read from
 */
public record PolicyAssignment(
    String name,
    String displayName,
    String description,
    Target target,
    List<String> scopeNamespaces,
    @Nullable JsonNode scopeSelector,
    @Nullable List<String> excludedNamespaces,
    @Nullable Effect effect,
    EnforcementMode enforcementMode,
    Map<String, JsonNode> parameters,
    KubeObject origin) {

  /** The API version of the kind. */
  public static final String API_VERSION = "gatehouse.dev/v1alpha1";

  /** The kind. */
  public static final String KIND = "PolicyAssignment";

  /** Copies the collections. */
  public PolicyAssignment {
    scopeNamespaces = List.copyOf(scopeNamespaces);
    excludedNamespaces = excludedNamespaces == null ? null : List.copyOf(excludedNamespaces);
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  /**
   * The assignment's id, {@code /providers/Microsoft.Authorization/policyAssignments/<name>}: the
   * input of the constraint-name hash, so the same assignment always deploys the same names.
   */
  public String id() {
    return "/providers/Microsoft.Authorization/policyAssignments/" + name.toLowerCase(Locale.ROOT);
  }

  /** {@code spec.excludedNamespaces}, if given. */
  public Optional<List<String>> excluded() {
    return Optional.ofNullable(excludedNamespaces);
  }

  /** What an assignment assigns. */
  public enum TargetType {
    /** {@code spec.definition}: a policy definition. */
    DEFINITION,
    /** {@code spec.initiative}: an initiative (policy set definition). */
    INITIATIVE
  }

  /**
   * The definition or initiative assigned.
   *
   * @param type definition or initiative
   * @param reference its display name, name, id or file name, as written
   * @param pointer the JSON pointer of the field, for located errors
   */
  public record Target(TargetType type, String reference, String pointer) {}
}
