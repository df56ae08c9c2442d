package dev.gatehouse.admission.azure;

import dev.gatehouse.admission.EnforcementAction;
import java.util.Locale;
import java.util.Optional;

/**
 * The effects of Kubernetes validation definitions, and what each deploys: {@code Deny} → a
 * constraint with {@code enforcementAction: deny}, {@code Audit} → {@code dryrun} (or {@code warn}
 * when the definition's {@code warn} parameter is true), {@code Disabled} → nothing.
 */
public enum Effect {
  /** Block non-compliant requests, and report non-compliant resources. */
  DENY,
  /** Admit, and report non-compliant resources. */
  AUDIT,
  /** Not deployed. */
  DISABLED;

  /** Parses an effect ignoring case ({@code deny}, {@code Deny}...). */
  public static Optional<Effect> parse(String text) {
    for (Effect e : values()) {
      if (e.name().equalsIgnoreCase(text.trim())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** {@code Deny}, {@code Audit} or {@code Disabled}, as Azure writes it. */
  public String displayName() {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }

  /**
   * The constraint's enforcement action, or empty for {@link #DISABLED}. {@code DoNotEnforce}
   * assignments never block: their constraints are dry runs whatever the effect.
   */
  public Optional<EnforcementAction> action(boolean warn, EnforcementMode mode) {
    if (this == DISABLED) {
      return Optional.empty();
    }
    if (mode == EnforcementMode.DO_NOT_ENFORCE) {
      return Optional.of(EnforcementAction.DRYRUN);
    }
    if (this == DENY) {
      return Optional.of(EnforcementAction.DENY);
    }
    return Optional.of(warn ? EnforcementAction.WARN : EnforcementAction.DRYRUN);
  }
}
