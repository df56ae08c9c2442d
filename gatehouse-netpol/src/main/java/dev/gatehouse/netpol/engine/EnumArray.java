package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.ir.Direction;
import java.util.function.Function;

/** A value per {@link Direction}. */
final class EnumArray<T> {
  private final T ingress;
  private final T egress;

  EnumArray(Function<Direction, T> init) {
    this.ingress = init.apply(Direction.INGRESS);
    this.egress = init.apply(Direction.EGRESS);
  }

  T get(Direction d) {
    return d == Direction.INGRESS ? ingress : egress;
  }
}
