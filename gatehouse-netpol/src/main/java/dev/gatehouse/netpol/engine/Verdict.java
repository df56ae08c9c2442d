package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.Protocol;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The answer to "may {@code src} connect to {@code dst}": allowed when both sides allow it.
 *
 * @param conns every connection allowed end to end
 */
public record Verdict(
    Endpoint src,
    Endpoint dst,
    Optional<Protocol> protocol,
    OptionalInt port,
    boolean allowed,
    ConnectionSet conns,
    DirectionVerdict egress,
    DirectionVerdict ingress) {}
