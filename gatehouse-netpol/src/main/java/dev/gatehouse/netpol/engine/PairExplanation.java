package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.Protocol;
import java.util.List;
import java.util.Optional;

/**
 * Why the connections from one peer to another are allowed or denied: a partition of the connection
 * space (all ports of TCP, UDP and SCTP, or the part a focus kept) into parts with their reasons.
 *
 * @param parts disjoint, non-empty parts; allowed ones first, each group in netpol-analyzer's
 *     printing order
 */
public record PairExplanation(Peer src, Peer dst, List<ExplainedPart> parts) {

  /** Copies the list. */
  public PairExplanation {
    parts = List.copyOf(parts);
  }

  /** Every connection allowed from {@code src} to {@code dst}. */
  public ConnectionSet allowed() {
    ConnectionSet out = ConnectionSet.NONE;
    for (ExplainedPart p : parts) {
      if (p.allowed()) {
        out = out.union(p.conns());
      }
    }
    return out;
  }

  /** Whether only the system default decided every part, on both sides. */
  public boolean systemDefaultOnly() {
    return parts.stream().allMatch(ExplainedPart::systemDefaultOnly);
  }

  /** The part holding {@code port} of {@code protocol}, unless a focus removed it. */
  public Optional<ExplainedPart> partOf(Protocol protocol, int port) {
    return parts.stream().filter(p -> p.conns().contains(protocol, port)).findFirst();
  }
}
