package dev.gatehouse.netpol.ir;

import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.algebra.Protocol;
import java.util.Optional;

/** One port clause of a rule; a rule with no clause matches every port of every protocol. */
public sealed interface PortMatch {
  /** Ports by number. */
  record Numbered(Protocol protocol, PortSet ports) implements PortMatch {}

  /**
   * A container port name, resolved on the destination workload; with a protocol it must match the
   * container port's protocol too.
   */
  record Named(Optional<Protocol> protocol, String name) implements PortMatch {}
}
