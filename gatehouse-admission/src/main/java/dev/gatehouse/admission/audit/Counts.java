package dev.gatehouse.admission.audit;

/**
 * Resource counts by compliance state, and Azure Policy's compliance percentage.
 *
 * @param compliant resources evaluated without violation
 * @param nonCompliant resources with at least one violation
 * @param error resources that could not be evaluated
 */
public record Counts(int compliant, int nonCompliant, int error) {
  /** No resources. */
  public static final Counts ZERO = new Counts(0, 0, 0);

  /** These counts plus one resource in {@code state} (not-applicable counts nothing). */
  public Counts plus(ComplianceState state) {
    return switch (state) {
      case COMPLIANT -> new Counts(compliant + 1, nonCompliant, error);
      case NON_COMPLIANT -> new Counts(compliant, nonCompliant + 1, error);
      case ERROR -> new Counts(compliant, nonCompliant, error + 1);
      case NOT_APPLICABLE -> this;
    };
  }

  /** The resources evaluated. */
  public int total() {
    return compliant + nonCompliant + error;
  }

  /**
   * Azure Policy's compliance percentage (learn.microsoft.com, governance/policy/concepts/
   * compliance-states): {@code (compliant + exempt + unknown) / (compliant + exempt + unknown +
   * non-compliant + conflicting + error) × 100}; offline there are no exempt, unknown or
   * conflicting resources, so it is {@code compliant / (compliant + non-compliant + error) × 100},
   * rounded to two decimals. With nothing evaluated it is 100 (nothing is out of compliance).
   */
  public double percent() {
    if (total() == 0) {
      return 100.0;
    }
    return Math.round(compliant * 10000.0 / total()) / 100.0;
  }
}
