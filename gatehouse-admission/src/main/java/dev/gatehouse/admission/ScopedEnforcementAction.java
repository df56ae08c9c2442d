package dev.gatehouse.admission;

import java.util.Set;

/**
 * One entry of {@code spec.scopedEnforcementActions}: an action and the enforcement points it
 * applies to ({@code "*"} means every point).
 */
public record ScopedEnforcementAction(EnforcementAction action, Set<String> enforcementPoints) {
  /** Gatekeeper's webhook enforcement point. */
  public static final String WEBHOOK = "validation.gatekeeper.sh";

  /** Gatekeeper's audit enforcement point. */
  public static final String AUDIT = "audit.gatekeeper.sh";

  /** The gator CLI enforcement point (used by suite verification). */
  public static final String GATOR = "gator.gatekeeper.sh";

  /** Copies the set. */
  public ScopedEnforcementAction {
    enforcementPoints = Set.copyOf(enforcementPoints);
  }

  /** Whether this entry applies at {@code point}. */
  public boolean appliesAt(String point) {
    return enforcementPoints.contains("*") || enforcementPoints.contains(point);
  }
}
