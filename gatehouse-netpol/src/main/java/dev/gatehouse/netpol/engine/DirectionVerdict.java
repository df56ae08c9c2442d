package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.ir.Direction;
import java.util.List;

/**
 * The verdict of one side: egress at the source or ingress at the destination.
 *
 * @param allowed whether the asked connection (or, without a port, any connection) passes
 * @param conns every connection this side allows between the two endpoints
 * @param reasons the policies and rules responsible, most decisive first
 */
public record DirectionVerdict(
    Direction direction, boolean allowed, ConnectionSet conns, List<Reason> reasons) {}
