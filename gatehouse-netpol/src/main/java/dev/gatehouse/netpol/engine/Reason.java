package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.ir.RuleOrigin;
import java.util.Optional;

/**
 * One sentence of an explanation: what a policy, a rule or the system default did to the
 * connection, with the rule's origin when there is one.
 */
public record Reason(Effect effect, Optional<RuleOrigin> origin, String text) {

  /** What the reason did. */
  public enum Effect {
    /** Allowed the connection. */
    ALLOW,
    /** Denied the connection explicitly. */
    DENY,
    /** Handed the connection to lower tiers (ANP Pass). */
    PASS,
    /** Denied it implicitly: the subject is isolated and no rule admits it. */
    ISOLATE,
    /** Allowed by the system default: nothing selects the subject. */
    DEFAULT;

    /** The effect of a rule with action {@code a}. */
    static Effect of(dev.gatehouse.netpol.ir.Action a) {
      return switch (a) {
        case ALLOW -> ALLOW;
        case DENY -> DENY;
        case PASS -> PASS;
      };
    }
  }
}
