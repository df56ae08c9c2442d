package dev.gatehouse.netpol.lint;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.engine.Identity;
import dev.gatehouse.netpol.engine.RuleInspector;
import dev.gatehouse.netpol.ir.Direction;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether what one rule matches is already matched by other rules, over every (subject, peer) pair
 * of the input's peer space and the connections between them (named ports resolved on the
 * destination).
 */
final class Coverage {
  private final RuleInspector rules;

  /** A rule with its selector matches, copied once. */
  record Entry(RuleInspector.Matched matched, BitSet subjects, BitSet peers) {
    static Entry of(RuleInspector.Matched m) {
      return new Entry(m, m.subjects(), m.peers());
    }

    String label() {
      return matched.rule().origin().policyLabel() + " " + matched.rule().origin().rule();
    }
  }

  Coverage(RuleInspector rules) {
    this.rules = rules;
  }

  /**
   * The labels of the rules among {@code others} that together match everything {@code rule}
   * matches, or empty when something of it is left (or it matches nothing at all).
   */
  Optional<Set<String>> coveredBy(Entry rule, List<Entry> others) {
    if (rule.subjects().isEmpty() || rule.peers().isEmpty()) {
      return Optional.empty();
    }
    List<Entry> touching =
        others.stream()
            .filter(o -> o.subjects().intersects(rule.subjects()))
            .filter(o -> o.peers().intersects(rule.peers()))
            .toList();
    if (touching.isEmpty()) {
      return Optional.empty();
    }
    Set<String> used = new LinkedHashSet<>();
    Direction d = rule.matched().rule().direction();
    BitSet s = rule.subjects();
    for (int subject = s.nextSetBit(0); subject >= 0; subject = s.nextSetBit(subject + 1)) {
      BitSet p = rule.peers();
      for (int peer = p.nextSetBit(0); peer >= 0; peer = p.nextSetBit(peer + 1)) {
        Identity dst = d == Direction.INGRESS ? rules.identityAt(subject) : rules.identityAt(peer);
        ConnectionSet left = rule.matched().conns(dst);
        for (Entry o : touching) {
          if (left.isEmpty()) {
            break;
          }
          if (o.subjects().get(subject) && o.peers().get(peer)) {
            ConnectionSet taken = left.intersect(o.matched().conns(dst));
            if (!taken.isEmpty()) {
              used.add(o.label());
              left = left.subtract(taken);
            }
          }
        }
        if (!left.isEmpty()) {
          return Optional.empty();
        }
      }
    }
    return used.isEmpty() ? Optional.empty() : Optional.of(used);
  }
}
