package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.ContainerPort;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.ir.PolicyRule;
import dev.gatehouse.netpol.ir.PortMatch;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rule with its selectors evaluated: the identities it applies to, the peers (of its direction's
 * peer space) it matches, and its connections when they do not depend on the destination.
 *
 * @param peers matched peer indexes (identities first, then address ranges)
 * @param allPeers whether {@code peers} is every peer of the direction
 * @param fixedConns the rule's connections, or null when named ports make them depend on the
 *     destination identity
 */
record IndexedRule(
    int index,
    PolicyRule rule,
    BitSet subjects,
    BitSet peers,
    boolean allPeers,
    @Nullable ConnectionSet fixedConns) {

  /** The connections this rule matches towards destination identity {@code dst} (null: an IP). */
  ConnectionSet conns(@Nullable Identity dst) {
    if (fixedConns != null) {
      return fixedConns;
    }
    return resolve(rule.ports(), dst);
  }

  /** Resolves port clauses; named ports resolve on {@code dst}'s container ports. */
  static ConnectionSet resolve(List<PortMatch> ports, @Nullable Identity dst) {
    if (ports.isEmpty()) {
      return ConnectionSet.ALL;
    }
    ConnectionSet out = ConnectionSet.NONE;
    for (PortMatch p : ports) {
      switch (p) {
        case PortMatch.Numbered n -> out = out.union(ConnectionSet.of(n.protocol(), n.ports()));
        case PortMatch.Named named -> {
          if (dst == null) {
            continue;
          }
          for (ContainerPort cp : dst.ports()) {
            if (!cp.name().equals(named.name())) {
              continue;
            }
            Protocol proto = Protocol.parse(cp.protocol()).orElse(Protocol.TCP);
            if (named.protocol().isEmpty() || named.protocol().get() == proto) {
              out = out.union(ConnectionSet.of(proto, PortSet.of(cp.port())));
            }
          }
        }
      }
    }
    return out;
  }

  /** Whether the rule's ports contain a named port. */
  static boolean hasNamedPorts(List<PortMatch> ports) {
    return ports.stream().anyMatch(p -> p instanceof PortMatch.Named);
  }
}
