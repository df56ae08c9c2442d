package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.ir.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Computes a subject's {@link DirectionalResult}.
 *
 * <p>Peers that the same rules of the subject match get the same connections, so the subject's
 * peers are partitioned by rule membership ({@link SubjectPartition}) and the precedence tiers are
 * evaluated once per class, not once per peer. Only where a rule's named ports resolve on the
 * destination (egress) does a class need one evaluation per distinct set of container ports.
 *
 * <p>The result lists only the peers whose connections differ from the most common ones, which
 * become the fallback. Cost: the subject's broad rules are applied per {@link PeerUnits unit},
 * narrow rules per peer, and then each listed peer once; never peers × rules.
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
      (r.allPeers() && !peerDependent(d, r) ? global : specific).add(r);
    }
    @Nullable Identity dst = d == Direction.INGRESS ? self : null;
    ConnectionSet untouched = TierEvaluator.evaluate(global, isolated, dst);
    if (specific.isEmpty()) {
      return new DirectionalResult(untouched, new int[0], new ConnectionSet[0]);
    }
    PeerUnits units = net.units(d);
    SubjectPartition classes = SubjectPartition.of(units, net.space(d).size(), specific);
    try {
      int count = classes.count();
      List<List<IndexedRule>> merged = new ArrayList<>(count);
      ConnectionSet[] fixed = new ConnectionSet[count];
      for (int c = 0; c < count; c++) {
        List<IndexedRule> sig = inIndexOrder(classes.rules(c));
        merged.add(merge(global, sig));
        if (!anyPeerDependent(d, sig)) {
          fixed[c] =
              sig.isEmpty() ? untouched : TierEvaluator.evaluate(merged.get(c), isolated, dst);
        }
      }
      ConnectionSet fallback = mostCommon(fixed, classes, untouched);
      boolean[] listed = new boolean[count];
      for (int c = 0; c < count; c++) {
        listed[c] = fixed[c] == null || !fixed[c].equals(fallback);
      }
      Map<List<?>, ConnectionSet> byPorts = new HashMap<>();
      List<ConnectionSet> conns = new ArrayList<>();
      long[] keys =
          classes.peersOf(
              listed,
              (p, c) -> {
                ConnectionSet conn = fixed[c];
                if (conn == null) {
                  @Nullable Identity peer = net.identityAt(p);
                  conn =
                      byPorts.computeIfAbsent(
                          List.of(c, peer == null ? List.of() : peer.ports()),
                          k -> TierEvaluator.evaluate(merged.get(c), isolated, peer));
                }
                if (conn.equals(fallback)) {
                  return -1;
                }
                conns.add(conn);
                return conns.size() - 1;
              });
      Arrays.sort(keys);
      int[] peers = new int[keys.length];
      ConnectionSet[] out = new ConnectionSet[keys.length];
      for (int i = 0; i < keys.length; i++) {
        peers[i] = (int) (keys[i] >>> 32);
        out[i] = conns.get((int) keys[i]);
      }
      return new DirectionalResult(fallback, peers, out);
    } finally {
      classes.release();
    }
  }

  /** The connections most peers get (over classes with fixed connections), else {@code dflt}. */
  private static ConnectionSet mostCommon(
      @Nullable ConnectionSet[] fixed, SubjectPartition classes, ConnectionSet dflt) {
    Map<ConnectionSet, Integer> weight = new HashMap<>();
    ConnectionSet best = dflt;
    int bestWeight = -1;
    for (int c = 0; c < fixed.length; c++) {
      if (fixed[c] != null) {
        int w = weight.merge(fixed[c], classes.size(c), Integer::sum);
        if (w > bestWeight) {
          best = fixed[c];
          bestWeight = w;
        }
      }
    }
    return best;
  }

  /** {@code rules} sorted by index (broad rules were applied first, so it may be out of order). */
  private static List<IndexedRule> inIndexOrder(List<IndexedRule> rules) {
    for (int i = 1; i < rules.size(); i++) {
      if (rules.get(i - 1).index() > rules.get(i).index()) {
        List<IndexedRule> out = new ArrayList<>(rules);
        out.sort(Comparator.comparingInt(IndexedRule::index));
        return out;
      }
    }
    return rules;
  }

  private static boolean anyPeerDependent(Direction d, List<IndexedRule> rules) {
    for (IndexedRule r : rules) {
      if (peerDependent(d, r)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code r}'s connections depend on the peer: egress named ports. */
  private static boolean peerDependent(Direction d, IndexedRule r) {
    return d == Direction.EGRESS && r.fixedConns() == null;
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
