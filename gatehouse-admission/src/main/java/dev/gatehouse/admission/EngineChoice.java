package dev.gatehouse.admission;

/**
 * Which driver runs a template. {@link #AUTO} is Gatekeeper's rule: CEL when the template has a
 * {@code K8sNativeValidation} source, else Rego. The others force one engine.
 */
public enum EngineChoice {
  /** CEL when available, else Rego. */
  AUTO,
  /** Only CEL ({@code K8sNativeValidation}). */
  CEL,
  /** Only Rego. */
  REGO;

  /** The driver short name this choice forces, or "" for {@link #AUTO}. */
  public String shortName() {
    return this == AUTO ? "" : name().toLowerCase(java.util.Locale.ROOT);
  }
}
