package dev.gatehouse.admission.audit;

import java.util.Locale;

/**
 * The compliance of a resource (or container) with a policy, in Azure Policy's words. Exempt,
 * conflicting and unknown states do not arise offline.
 */
public enum ComplianceState {
  /** Evaluated, no violation. */
  COMPLIANT,
  /** At least one violation. */
  NON_COMPLIANT,
  /** Could not be evaluated (e.g. a namespaceSelector over an unknown Namespace). */
  ERROR,
  /** No constraint of the policy selects it. */
  NOT_APPLICABLE;

  /** {@code Compliant}, {@code Non-compliant}, {@code Error}, {@code Not applicable}. */
  public String displayName() {
    return switch (this) {
      case COMPLIANT -> "Compliant";
      case NON_COMPLIANT -> "Non-compliant";
      case ERROR -> "Error";
      case NOT_APPLICABLE -> "Not applicable";
    };
  }

  /** {@code compliant}, {@code non-compliant}, ... for machine formats. */
  public String wireName() {
    return displayName().toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  /** The worse of two states: non-compliant, then error, then compliant, then not applicable. */
  public ComplianceState worst(ComplianceState other) {
    return rank(this) >= rank(other) ? this : other;
  }

  private static int rank(ComplianceState s) {
    return switch (s) {
      case NOT_APPLICABLE -> 0;
      case COMPLIANT -> 1;
      case ERROR -> 2;
      case NON_COMPLIANT -> 3;
    };
  }
}
