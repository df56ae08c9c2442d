package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A policy definition of mode {@code Microsoft.Kubernetes.Data}, as published: its parameters and
 * its rule's {@code then} ({@code effect} and {@code details}, still holding ARM expressions).
 *
 * @param id the full id
 * @param name the name
 * @param displayName {@code displayName}
 * @param description {@code description}
 * @param policyType {@code BuiltIn} or {@code Custom}
 * @param category {@code metadata.category}
 * @param version the version
 * @param versions {@code versions[]}
 * @param parameters the parameters in file order
 * @param preview {@code metadata.preview}
 * @param deprecated {@code metadata.deprecated}
 * @param effect {@code policyRule.then.effect} as written (an expression or a literal)
 * @param details {@code policyRule.then.details} as written
 * @param templateRef where the template comes from; null for mutation definitions
 * @param legacyConstraintUrl the deprecated {@code details.constraint} URL, or "" when absent
 * @param detailsPointer the JSON pointer of {@code details} in the file
 * @param document the file, for located errors
 */
public record PolicyDefinition(
    String id,
    String name,
    String displayName,
    String description,
    String policyType,
    String category,
    DefinitionVersion version,
    List<String> versions,
    Map<String, ParameterDefinition> parameters,
    boolean preview,
    boolean deprecated,
    JsonNode effect,
    JsonNode details,
    @Nullable TemplateRef templateRef,
    String legacyConstraintUrl,
    String detailsPointer,
    JsonDocument document)
    implements CatalogEntry {

  /** Copies the collections. */
  public PolicyDefinition {
    versions = List.copyOf(versions);
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  /** Where the template comes from; empty for mutation definitions. */
  public Optional<TemplateRef> template() {
    return Optional.ofNullable(templateRef);
  }

  /**
   * Whether this is a mutation definition ({@code details.mutationInfo}), which is not deployed.
   */
  public boolean isMutation() {
    return details.has("mutationInfo");
  }

  /** The default effect ({@code parameters.effect.defaultValue}, or the literal effect). */
  public String defaultEffect() {
    if (effect.isTextual() && !ArmExpression.isExpression(effect.asText())) {
      return effect.asText();
    }
    ParameterDefinition p = parameters.get("effect");
    return p != null && p.defaultValue() != null ? p.defaultValue().asText() : "";
  }
}
