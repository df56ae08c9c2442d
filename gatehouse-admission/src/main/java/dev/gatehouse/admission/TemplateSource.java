package dev.gatehouse.admission;

/** One {@code code[]} entry of a ConstraintTemplate target: the policy in one engine's language. */
public sealed interface TemplateSource permits CelSource, RegoSource {
  /** The engine name as written in the template ({@code K8sNativeValidation}, {@code Rego}). */
  String engine();

  /** The JSON pointer of this source inside the template, for located errors. */
  String pointer();
}
