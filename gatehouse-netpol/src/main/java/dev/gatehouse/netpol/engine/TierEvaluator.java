package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.ir.Tier;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates, for one subject, direction and peer, the rules that match that peer through the
 * precedence tiers.
 *
 * <p>Design note (AdminNetworkPolicy API overview; netpol-analyzer {@code
 * allAllowedXgressConnectionsByk8sNetpols}): admin rules are walked by priority then rule order,
 * each taking the connections no earlier rule took (first match wins); Allow is final, Deny is
 * final, Pass hands its connections down. Connections no admin rule took are handed down too.
 * Cilium deny rules then remove connections. If the subject is isolated in the allow tier, what is
 * left is allowed only where an allow rule (NetworkPolicy or Cilium) allows it, and BANP is never
 * consulted. Otherwise baseline rules are walked in order (first match wins) and whatever is left
 * is allowed by default.
 */
final class TierEvaluator {
  private TierEvaluator() {}

  /**
   * The connections allowed between the subject and a peer.
   *
   * @param rules the subject's rules that match the peer, in precedence order
   * @param dst the destination identity for named-port resolution (null for addresses)
   */
  static ConnectionSet evaluate(List<IndexedRule> rules, boolean isolated, @Nullable Identity dst) {
    ConnectionSet allowed = ConnectionSet.NONE;
    ConnectionSet remaining = ConnectionSet.ALL;
    ConnectionSet passed = ConnectionSet.NONE;
    ConnectionSet allowTier = ConnectionSet.NONE;
    ConnectionSet denyTier = ConnectionSet.NONE;
    int baselineStart = rules.size();
    for (int i = 0; i < rules.size(); i++) {
      IndexedRule r = rules.get(i);
      Tier tier = r.rule().tier();
      if (tier == Tier.BASELINE) {
        baselineStart = i;
        break;
      }
      ConnectionSet c = r.conns(dst);
      switch (tier) {
        case ADMIN -> {
          ConnectionSet taken = c.intersect(remaining);
          if (taken.isEmpty()) {
            continue;
          }
          switch (r.rule().action()) {
            case ALLOW -> allowed = allowed.union(taken);
            case PASS -> passed = passed.union(taken);
            case DENY -> {}
          }
          remaining = remaining.subtract(taken);
        }
        case DENY -> denyTier = denyTier.union(c);
        case ALLOW -> allowTier = allowTier.union(c);
        case BASELINE -> throw new IllegalStateException("unreachable");
      }
    }
    ConnectionSet lower = remaining.union(passed).subtract(denyTier);
    if (isolated) {
      return allowed.union(lower.intersect(allowTier));
    }
    for (int i = baselineStart; i < rules.size(); i++) {
      IndexedRule r = rules.get(i);
      ConnectionSet taken = r.conns(dst).intersect(lower);
      if (taken.isEmpty()) {
        continue;
      }
      if (r.rule().action() == dev.gatehouse.netpol.ir.Action.ALLOW) {
        allowed = allowed.union(taken);
      }
      lower = lower.subtract(taken);
    }
    return allowed.union(lower);
  }
}
