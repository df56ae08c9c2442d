package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An initiative (policy set definition), as published: its parameters and its members.
 *
 * @param id the full id ({@code /providers/Microsoft.Authorization/policySetDefinitions/<name>})
 * @param name the name
 * @param displayName {@code displayName}
 * @param description {@code description}
 * @param policyType {@code BuiltIn} or {@code Custom}
 * @param category {@code metadata.category}
 * @param version the version
 * @param versions {@code versions[]}
 * @param parameters the initiative's parameters in file order
 * @param preview {@code metadata.preview}
 * @param deprecated {@code metadata.deprecated}
 * @param members {@code policyDefinitions[]}
 * @param document the file, for located errors
 */
public record PolicySetDefinition(
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
    List<Member> members,
    JsonDocument document)
    implements CatalogEntry {

  /** Copies the collections. */
  public PolicySetDefinition {
    versions = List.copyOf(versions);
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    members = List.copyOf(members);
  }

  /**
   * One {@code policyDefinitions[]} entry.
   *
   * @param referenceId {@code policyDefinitionReferenceId}
   * @param definitionId {@code policyDefinitionId}
   * @param definitionVersion {@code definitionVersion} (a pin such as {@code 9.*.*}), "" for the
   *     latest
   * @param parameters {@code parameters.<name>.value}, as written (values or ARM expressions over
   *     the initiative's parameters)
   * @param pointer the JSON pointer of the entry, for located errors
   */
  public record Member(
      String referenceId,
      String definitionId,
      String definitionVersion,
      Map<String, JsonNode> parameters,
      String pointer) {
    /** Copies the map, keeping its order. */
    public Member {
      parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
  }
}
