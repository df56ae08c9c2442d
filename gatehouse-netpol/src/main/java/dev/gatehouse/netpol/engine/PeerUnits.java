package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.ir.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The peers of one direction grouped into units that no broad rule tells apart: two peers are in
 * one unit when every broad rule of the direction matches both or neither.
 *
 * <p>Broad rules are those matching more than {@value #BROAD} peers (namespace-wide and
 * cluster-wide peers of NetworkPolicies, AdminNetworkPolicies and Cilium policies). A subject's
 * broad rules can then split its peers unit by unit instead of peer by peer: typically a few dozen
 * units (namespace combinations) instead of thousands of peers. Narrow rules are cheaper to apply
 * peer by peer.
 */
final class PeerUnits {
  /** Rules matching more peers than this are applied by unit. */
  static final int BROAD = 16;

  private final int[] unitOf;
  private final int[][] members;
  private final @Nullable int[][] unitsOfRule;
  private final int[][] peersOfRule;

  private PeerUnits(int[] unitOf, int[][] members, int[][] unitsOfRule, int[][] peersOfRule) {
    this.unitOf = unitOf;
    this.members = members;
    this.unitsOfRule = unitsOfRule;
    this.peersOfRule = peersOfRule;
  }

  /**
   * Groups the {@code size} peers of direction {@code d} by the broad rules among {@code rules}.
   */
  static PeerUnits of(int size, List<IndexedRule> rules, Direction d) {
    int[][] peersOfRule = new int[rules.size()][];
    int[] unitOf = new int[size];
    int units = 1;
    int[] hits = new int[8];
    int[] target = new int[8];
    int[] sizes = new int[8];
    sizes[0] = size;
    List<IndexedRule> broad = new ArrayList<>();
    for (IndexedRule r : rules) {
      if (r.rule().direction() != d) {
        continue;
      }
      int[] peers = toArray(r.peers());
      peersOfRule[r.index()] = peers;
      if (peers.length <= BROAD) {
        continue;
      }
      broad.add(r);
      if (hits.length < units) {
        hits = Arrays.copyOf(hits, units * 2);
        target = Arrays.copyOf(target, units * 2);
        sizes = Arrays.copyOf(sizes, units * 2);
      }
      // Split every unit the rule cuts: its matched peers move to a new unit.
      for (int p : peers) {
        hits[unitOf[p]]++;
      }
      for (int p : peers) {
        int u = unitOf[p];
        if (hits[u] > 0) {
          if (hits[u] == sizes[u]) {
            target[u] = u;
          } else {
            if (sizes.length == units) {
              hits = Arrays.copyOf(hits, units * 2);
              target = Arrays.copyOf(target, units * 2);
              sizes = Arrays.copyOf(sizes, units * 2);
            }
            target[u] = units;
            sizes[units] = hits[u];
            sizes[u] -= hits[u];
            units++;
          }
          hits[u] = 0;
        }
      }
      for (int p : peers) {
        unitOf[p] = target[unitOf[p]];
      }
    }
    int[][] members = new int[units][];
    int[] fill = new int[units];
    for (int u = 0; u < units; u++) {
      members[u] = new int[sizes[u]];
    }
    for (int p = 0; p < size; p++) {
      members[unitOf[p]][fill[unitOf[p]]++] = p;
    }
    int[][] unitsOfRule = new int[rules.size()][];
    for (IndexedRule r : broad) {
      BitSet seen = new BitSet(units);
      for (int p : peersOfRule[r.index()]) {
        seen.set(unitOf[p]);
      }
      unitsOfRule[r.index()] = toArray(seen);
    }
    return new PeerUnits(unitOf, members, unitsOfRule, peersOfRule);
  }

  /** The number of units. */
  int count() {
    return members.length;
  }

  /** The unit of peer {@code p}. */
  int unitOf(int p) {
    return unitOf[p];
  }

  /** The peers of unit {@code u}, ascending. */
  int[] members(int u) {
    return members[u];
  }

  /** The units a broad rule matches entirely, or null when {@code r} is not broad. */
  int @Nullable [] unitsOf(IndexedRule r) {
    return unitsOfRule[r.index()];
  }

  /** The peers {@code r} matches, ascending (a rule of this direction that is not all-peers). */
  int[] peersOf(IndexedRule r) {
    int[] out = peersOfRule[r.index()];
    return out != null ? out : toArray(r.peers());
  }

  private static int[] toArray(BitSet bits) {
    int[] out = new int[bits.cardinality()];
    int k = 0;
    for (int p = bits.nextSetBit(0); p >= 0; p = bits.nextSetBit(p + 1)) {
      out[k++] = p;
    }
    return out;
  }
}
