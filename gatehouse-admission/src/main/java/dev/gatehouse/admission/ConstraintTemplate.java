package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.KubeObject;
import java.util.List;
import java.util.Optional;

/**
 * A validated ConstraintTemplate ({@code templates.gatekeeper.sh} v1 or v1beta1): the constraint
 * kind it defines, that kind's parameter schema, and its sources per engine.
 *
 * @param name {@code metadata.name} (the lower-case kind)
 * @param kind {@code spec.crd.spec.names.kind}
 * @param parameterSchema {@code openAPIV3Schema} of {@code spec.parameters} (MissingNode if none)
 * @param legacySchema true for v1beta1/v1alpha1 templates, whose schemas keep unknown fields
 * @param sources the {@code code[]} entries (and the legacy {@code rego}), in template order
 * @param origin the object it was read from
 */
public record ConstraintTemplate(
    String name,
    String kind,
    JsonNode parameterSchema,
    boolean legacySchema,
    List<TemplateSource> sources,
    KubeObject origin) {

  /** Copies the list. */
  public ConstraintTemplate {
    sources = List.copyOf(sources);
  }

  /**
   * The source for {@code engine} (as written in {@code code[].engine}), if the template has one.
   */
  public Optional<TemplateSource> source(String engine) {
    return sources.stream().filter(s -> s.engine().equals(engine)).findFirst();
  }

  /** The {@code K8sNativeValidation} source, if any. */
  public Optional<CelSource> cel() {
    return sources.stream()
        .filter(CelSource.class::isInstance)
        .map(CelSource.class::cast)
        .findFirst();
  }

  /** The Rego source, if any. */
  public Optional<RegoSource> rego() {
    return sources.stream()
        .filter(RegoSource.class::isInstance)
        .map(RegoSource.class::cast)
        .findFirst();
  }
}
