package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.ir.Direction;
import java.util.ArrayList;
import java.util.Arrays;
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
    int peers = net.peerCount(d);
    int[] order = new int[peers];
    Arrays.fill(order, -1);
    List<List<IndexedRule>> perPeer = new ArrayList<>();
    int[] touched = new int[0];
    int nTouched = 0;
    for (IndexedRule r : specific) {
      for (int p = r.peers().nextSetBit(0); p >= 0; p = r.peers().nextSetBit(p + 1)) {
        if (order[p] < 0) {
          order[p] = perPeer.size();
          perPeer.add(new ArrayList<>());
          if (nTouched == touched.length) {
            touched = Arrays.copyOf(touched, Math.max(16, nTouched * 2));
          }
          touched[nTouched++] = p;
        }
        perPeer.get(order[p]).add(r);
      }
    }
    int[] sorted = Arrays.copyOf(touched, nTouched);
    Arrays.sort(sorted);
    ConnectionSet[] conns = new ConnectionSet[nTouched];
    for (int i = 0; i < nTouched; i++) {
      int p = sorted[i];
      List<IndexedRule> merged = merge(global, perPeer.get(order[p]));
      conns[i] = TierEvaluator.evaluate(merged, isolated, dstFor(d, self, net.identityAt(p)));
    }
    return new DirectionalResult(fallback, sorted, conns);
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
