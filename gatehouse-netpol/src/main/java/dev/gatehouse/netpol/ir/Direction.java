package dev.gatehouse.netpol.ir;

/** The direction a rule governs, seen from its subject. */
public enum Direction {
  /** Traffic arriving at the subject. */
  INGRESS,
  /** Traffic leaving the subject. */
  EGRESS;

  /** {@code Ingress} or {@code Egress}, as Kubernetes writes it. */
  public String title() {
    return this == INGRESS ? "Ingress" : "Egress";
  }
}
