package dev.gatehouse.netpol.ir;

/** What a matching rule does with the connections it matches. */
public enum Action {
  /** Allow. */
  ALLOW,
  /** Deny. */
  DENY,
  /** Skip the remaining admin rules and let lower tiers decide (ANP only). */
  PASS;

  /** The verb explanations use: {@code allows}, {@code denies}, {@code passes}. */
  public String verb() {
    return switch (this) {
      case ALLOW -> "allows";
      case DENY -> "denies";
      case PASS -> "passes";
    };
  }
}
