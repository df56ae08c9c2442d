package dev.gatehouse.rego.internal.eval;

import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.SetValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Lookup, iteration and path updates on values, shared by references and {@code with}. */
final class Collections2 {
  private Collections2() {}

  /** Visits one key and its value; returns true to stop. */
  @FunctionalInterface
  interface EntryVisitor {
    boolean visit(Value key, Value value);
  }

  /** The member of {@code v} at {@code key}, or null when undefined. */
  static @Nullable Value lookup(Value v, Value key) {
    return switch (v) {
      case ObjectValue o -> o.get(key);
      case ArrayValue a -> {
        if (key instanceof NumberValue n && n.isInteger()) {
          long i = n.asLong().orElse(-1L);
          yield i >= 0 && i < a.size() ? a.get((int) i) : null;
        }
        yield null;
      }
      case SetValue s -> s.contains(key) ? key : null;
      default -> null;
    };
  }

  /** Visits every key (index, member) of a collection; scalars have none. */
  static boolean forEach(Value v, EntryVisitor visitor) {
    switch (v) {
      case ObjectValue o -> {
        for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
          if (visitor.visit(e.getKey(), e.getValue())) {
            return true;
          }
        }
      }
      case ArrayValue a -> {
        List<Value> items = a.items();
        for (int i = 0; i < items.size(); i++) {
          if (visitor.visit(NumberValue.of(i), items.get(i))) {
            return true;
          }
        }
      }
      case SetValue s -> {
        for (Value m : s.items()) {
          if (visitor.visit(m, m)) {
            return true;
          }
        }
      }
      default -> {}
    }
    return false;
  }

  /** {@code base} with {@code value} stored at {@code path}, creating objects on the way. */
  static Value setPath(@Nullable Value base, List<String> path, int i, Value value) {
    if (i == path.size()) {
      return value;
    }
    TreeMap<Value, Value> entries =
        base instanceof ObjectValue o ? new TreeMap<>(o.entries()) : new TreeMap<>();
    StringValue key = new StringValue(path.get(i));
    entries.put(key, setPath(entries.get(key), path, i + 1, value));
    return new ObjectValue(entries);
  }
}
