package dev.gatehouse.admission;

import java.util.Locale;
import java.util.Optional;

/**
 * What a violation of a constraint does at an enforcement point, in Gatekeeper's words: {@code
 * deny} blocks the request, {@code warn} admits it with a warning, {@code dryrun} only records it.
 */
public enum EnforcementAction {
  /** Reject the request (Gatekeeper's default). */
  DENY,
  /** Admit the request and return a warning. */
  WARN,
  /** Admit the request silently; the violation is only reported (audit, logs). */
  DRYRUN;

  /** The spelling used in {@code spec.enforcementAction}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code deny}, {@code warn} or {@code dryrun} (exact spelling, as Gatekeeper does). */
  public static Optional<EnforcementAction> parse(String text) {
    for (EnforcementAction a : values()) {
      if (a.wireName().equals(text)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
