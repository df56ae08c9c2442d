package dev.gatehouse.rego.internal.eval;

import dev.gatehouse.rego.Value;
import org.jspecify.annotations.Nullable;

/** Variable slots of one rule (or query) activation; null means unbound. */
final class Frame {
  final @Nullable Value[] slots;

  Frame(int size) {
    this.slots = new Value[size];
  }
}
