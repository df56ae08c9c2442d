package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.ir.Direction;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one side of a connection looks like from its subject towards one peer: the subject's rules
 * that match the peer (in precedence order), the identity whose named ports apply, whether the
 * subject is isolated, and the connections the side allows.
 *
 * <p>Peers of the peer space come from the cached per-subject results. A DNS name asked about with
 * {@code --dst-fqdn} is not a peer of the space: its rules are found by matching the name against
 * every rule's peers and evaluated on the spot, through the same {@link TierEvaluator}.
 */
record PeerView(
    Direction direction,
    int subject,
    List<IndexedRule> rules,
    @Nullable Identity dst,
    boolean isolated,
    ConnectionSet conns) {

  /** The view of {@code subject} towards the peer at index {@code p} of the peer space. */
  static PeerView atIndex(CompiledNetwork net, Direction d, int subject, int p) {
    List<IndexedRule> matching = new ArrayList<>();
    for (IndexedRule r : net.rulesOf(d, subject)) {
      if (r.peers().get(p)) {
        matching.add(r);
      }
    }
    Identity dst = d == Direction.INGRESS ? net.identities().get(subject) : net.identityAt(p);
    return new PeerView(
        d, subject, matching, dst, net.isIsolated(d, subject), net.result(d, subject).get(p));
  }

  /** The view of {@code subject} towards {@code peer}, which may be a DNS name. */
  static PeerView of(CompiledNetwork net, Direction d, int subject, Endpoint peer) {
    if (peer instanceof Endpoint.OfName name) {
      return towardsName(net, subject, name.name(), false);
    }
    return atIndex(net, d, subject, net.peerIndex(d, peer));
  }

  /**
   * The egress view of {@code subject} towards the DNS name {@code name}; with {@code withoutFqdn},
   * peers given as {@code toFQDNs} patterns do not count (what the subject may reach without the
   * addresses the DNS proxy learns).
   */
  static PeerView towardsName(CompiledNetwork net, int subject, String name, boolean withoutFqdn) {
    boolean isolated = net.isIsolated(Direction.EGRESS, subject);
    List<IndexedRule> matching =
        net.rulesOf(Direction.EGRESS, subject).stream()
            .filter(
                r ->
                    r.rule().peers().stream()
                        .anyMatch(
                            p ->
                                PeerMatcher.matchesName(p, name)
                                    && !(withoutFqdn
                                        && p instanceof dev.gatehouse.netpol.ir.PeerMatch.Fqdn)))
            .toList();
    ConnectionSet conns = TierEvaluator.evaluate(matching, isolated, null);
    return new PeerView(Direction.EGRESS, subject, matching, null, isolated, conns);
  }
}
