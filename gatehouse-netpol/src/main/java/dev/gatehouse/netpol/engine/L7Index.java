package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.Tier;
import java.util.ArrayList;
import java.util.List;

/**
 * For each direction and subject, the allow rules that carry L7 rules, so that connections of
 * subjects without any (almost all of them) skip the L7 step at the cost of one array lookup.
 */
final class L7Index {
  private static final int[] NONE = new int[0];

  private final EnumArray<int[][]> bySubject;

  L7Index(List<IndexedRule> rules, int identities) {
    this.bySubject = new EnumArray<>(d -> index(rules, identities, d));
  }

  private static int[][] index(List<IndexedRule> rules, int identities, Direction d) {
    int[][] out = new int[identities][];
    List<List<Integer>> lists = new ArrayList<>();
    for (IndexedRule r : rules) {
      if (r.rule().direction() != d || r.rule().tier() != Tier.ALLOW || r.rule().l7().isEmpty()) {
        continue;
      }
      for (int s = r.subjects().nextSetBit(0); s >= 0; s = r.subjects().nextSetBit(s + 1)) {
        while (lists.size() <= s) {
          lists.add(null);
        }
        if (lists.get(s) == null) {
          lists.set(s, new ArrayList<>());
        }
        lists.get(s).add(r.index());
      }
    }
    for (int s = 0; s < identities; s++) {
      List<Integer> l = s < lists.size() ? lists.get(s) : null;
      out[s] = l == null ? NONE : l.stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /** The indexes of {@code subject}'s allow rules with L7 rules in direction {@code d}. */
  int[] rulesOf(Direction d, int subject) {
    return bySubject.get(d)[subject];
  }
}
