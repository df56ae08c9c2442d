package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.Protocol;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The answer to "may {@code src} connect to {@code dst}": allowed when both sides allow it and
 * every request check passes.
 *
 * @param allowed whether the asked connection passes both sides and every check
 * @param conns every connection allowed end to end (at L4)
 * @param l7 the L7 rules that filter requests on the asked connections (empty when none do)
 * @param checks the checks of an HTTP request or of a DNS name's resolution, in order
 */
public record Verdict(
    Endpoint src,
    Endpoint dst,
    Optional<Protocol> protocol,
    OptionalInt port,
    boolean allowed,
    ConnectionSet conns,
    DirectionVerdict egress,
    DirectionVerdict ingress,
    List<L7Constraint> l7,
    List<RequestCheck> checks) {

  /** Copies the lists. */
  public Verdict {
    l7 = List.copyOf(l7);
    checks = List.copyOf(checks);
  }

  /** An L4 verdict, without L7 constraints or checks. */
  public Verdict(
      Endpoint src,
      Endpoint dst,
      Optional<Protocol> protocol,
      OptionalInt port,
      boolean allowed,
      ConnectionSet conns,
      DirectionVerdict egress,
      DirectionVerdict ingress) {
    this(src, dst, protocol, port, allowed, conns, egress, ingress, List.of(), List.of());
  }
}
