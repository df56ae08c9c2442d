package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.ir.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Computes a subject's {@link DirectionalResult}: one evaluation for all peers that only
 * peer-independent rules match (the fallback), and one per peer that a peer-specific rule matches.
 *
 * <p>Cost is the sum of the sizes of the matched peer sets of the subject's specific rules, not the
 * number of peers: a default-deny subject with a few narrow allow rules touches a few peers.
 */
final class SubjectEvaluator {
  private SubjectEvaluator() {}

  static DirectionalResult evaluate(CompiledNetwork net, Direction d, int subject) {
    List<IndexedRule> rules = net.rulesOf(d, subject);
    boolean isolated = net.isIsolated(d, subject);
    if (rules.isEmpty() && !isolated) {
      return DirectionalResult.ALLOW_ALL;
    }
    Identity self = net.identities().get(subject);
    List<IndexedRule> global = new ArrayList<>();
    List<IndexedRule> specific = new ArrayList<>();
    for (IndexedRule r : rules) {
      boolean peerDependentPorts = d == Direction.EGRESS && r.fixedConns() == null;
      (r.allPeers() && !peerDependentPorts ? global : specific).add(r);
    }
    ConnectionSet fallback = TierEvaluator.evaluate(global, isolated, dstFor(d, self, null));
    if (specific.isEmpty()) {
      return new DirectionalResult(fallback, new int[0], new ConnectionSet[0]);
    }
    long[] matches = matchesByPeer(specific);
    int[] sorted = new int[matches.length];
    ConnectionSet[] conns = new ConnectionSet[matches.length];
    int n = 0;
    for (int i = 0; i < matches.length; ) {
      int p = (int) (matches[i] >>> 32);
      List<IndexedRule> own = new ArrayList<>();
      for (; i < matches.length && (int) (matches[i] >>> 32) == p; i++) {
        own.add(specific.get((int) matches[i]));
      }
      List<IndexedRule> merged = merge(global, own);
      sorted[n] = p;
      conns[n++] = TierEvaluator.evaluate(merged, isolated, dstFor(d, self, net.identityAt(p)));
    }
    return new DirectionalResult(fallback, Arrays.copyOf(sorted, n), Arrays.copyOf(conns, n));
  }

  /**
   * Every (peer, rule) match of the specific rules as {@code peer << 32 | rule position}, sorted:
   * grouped by peer in ascending order, each peer's rules in precedence order. The cost is the
   * number of matches, not the size of the peer space.
   */
  private static long[] matchesByPeer(List<IndexedRule> specific) {
    int total = 0;
    for (IndexedRule r : specific) {
      total += r.peers().cardinality();
    }
    long[] out = new long[total];
    int k = 0;
    for (int i = 0; i < specific.size(); i++) {
      BitSet peers = specific.get(i).peers();
      for (int p = peers.nextSetBit(0); p >= 0; p = peers.nextSetBit(p + 1)) {
        out[k++] = ((long) p << 32) | i;
      }
    }
    Arrays.sort(out);
    return out;
  }

  /** The destination identity whose named ports apply: the subject for ingress, else the peer. */
  private static @Nullable Identity dstFor(Direction d, Identity subject, @Nullable Identity peer) {
    return d == Direction.INGRESS ? subject : peer;
  }

  /** Merges two lists that are each in precedence (= index) order. */
  static List<IndexedRule> merge(List<IndexedRule> a, List<IndexedRule> b) {
    if (a.isEmpty()) {
      return b;
    }
    List<IndexedRule> out = new ArrayList<>(a.size() + b.size());
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (j >= b.size() || (i < a.size() && a.get(i).index() < b.get(j).index())) {
        out.add(a.get(i++));
      } else {
        out.add(b.get(j++));
      }
    }
    return out;
  }
}
