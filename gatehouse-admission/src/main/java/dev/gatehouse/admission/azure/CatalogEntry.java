package dev.gatehouse.admission.azure;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What definitions and initiatives have in common: identity, version, category and parameters. */
public sealed interface CatalogEntry permits PolicyDefinition, PolicySetDefinition {
  /** The full id, {@code /providers/Microsoft.Authorization/policyDefinitions/<name>}. */
  String id();

  /** The name (a GUID for built-ins). */
  String name();

  /** {@code properties.displayName}. */
  String displayName();

  /** {@code properties.description}. */
  String description();

  /** {@code properties.policyType}: {@code BuiltIn} or {@code Custom}. */
  String policyType();

  /** {@code properties.metadata.category} ("" when absent). */
  String category();

  /** This version. */
  DefinitionVersion version();

  /** Every version Azure lists ({@code properties.versions}), this one included. */
  List<String> versions();

  /** The parameters, in file order. */
  Map<String, ParameterDefinition> parameters();

  /** Whether {@code metadata.preview} is true. */
  boolean preview();

  /** Whether {@code metadata.deprecated} is true. */
  boolean deprecated();

  /** The file it was read from. */
  JsonDocument document();

  /** {@code Policy} or {@code Initiative}, as the portal's "Definition type" column says. */
  default String typeName() {
    return this instanceof PolicySetDefinition ? "Initiative" : "Policy";
  }

  /** The file name without directory and {@code .json} (e.g. {@code ContainerNoPrivilege}). */
  default String fileStem() {
    String f = document().file().replace('\\', '/');
    String base = f.substring(f.lastIndexOf('/') + 1);
    return base.toLowerCase(Locale.ROOT).endsWith(".json")
        ? base.substring(0, base.length() - 5)
        : base;
  }

  /** Whether {@code ref} names this entry: its id, name, display name or file stem (any case). */
  default boolean isNamed(String ref) {
    String r = ref.trim();
    return r.equalsIgnoreCase(id())
        || r.equalsIgnoreCase(name())
        || r.equalsIgnoreCase(displayName())
        || r.equalsIgnoreCase(fileStem());
  }
}
