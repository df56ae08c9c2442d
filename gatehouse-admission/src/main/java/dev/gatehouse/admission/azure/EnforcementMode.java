package dev.gatehouse.admission.azure;

import java.util.Optional;

/**
 * An assignment's {@code enforcementMode}: {@code Default} enforces the effect; {@code
 * DoNotEnforce} only evaluates compliance (nothing is blocked), as in Azure Policy.
 */
public enum EnforcementMode {
  /** {@code Default}. */
  DEFAULT("Default"),
  /** {@code DoNotEnforce}. */
  DO_NOT_ENFORCE("DoNotEnforce");

  private final String wireName;

  EnforcementMode(String wireName) {
    this.wireName = wireName;
  }

  /** The spelling in YAML ({@code Default}, {@code DoNotEnforce}). */
  public String wireName() {
    return wireName;
  }

  /** Parses a mode ignoring case; Azure's older {@code Enabled}/{@code Disabled} are accepted. */
  public static Optional<EnforcementMode> parse(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "default", "enabled" -> Optional.of(DEFAULT);
      case "donotenforce", "disabled" -> Optional.of(DO_NOT_ENFORCE);
      default -> Optional.empty();
    };
  }
}
