package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.ir.Direction;
import java.util.List;

/**
 * What one side of a connection (egress at the source, ingress at the destination) decides for a
 * part of the connection space, and why.
 *
 * @param allowed whether this side lets the part through
 * @param reasons the policies and rules responsible, tier by tier: an AdminNetworkPolicy rule that
 *     allowed, denied or passed the part; then, for passed or unmatched traffic, the deny rules,
 *     the NetworkPolicy-style allow tier (each policy that allows the part, or each isolating
 *     policy that does not) or the BaselineAdminNetworkPolicy rule that decided; the system default
 *     when nothing else did; and, for the ingress controller, the Ingress/Route objects. Empty for
 *     a denied part whose reasons netpol-analyzer loses: an admin rule matched the pair and the
 *     isolating policies allow nothing of what the admin tier passed down (docs/semantics.md,
 *     "Reading an explanation")
 */
public record ExplainedSide(Direction direction, boolean allowed, List<Reason> reasons) {

  /** Copies the list. */
  public ExplainedSide {
    reasons = List.copyOf(reasons);
  }

  /** Whether nothing but the system default (allow all) decided this side. */
  public boolean systemDefaultOnly() {
    return reasons.size() == 1 && reasons.getFirst().equals(ExplanationReasons.SYSTEM_DEFAULT);
  }
}
