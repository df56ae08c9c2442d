package dev.gatehouse.rego;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A Rego array: an immutable list of values. */
public record ArrayValue(List<Value> items) implements Value {
  /** The empty array. */
  public static final ArrayValue EMPTY = new ArrayValue(List.of());

  /** Copies the items. */
  public ArrayValue {
    items = List.copyOf(items);
  }

  static ArrayValue wrap(List<Value> items) {
    return new ArrayValue(items);
  }

  /** An array of the given items. */
  public static ArrayValue of(Value... items) {
    return new ArrayValue(List.of(items));
  }

  /** The number of items. */
  public int size() {
    return items.size();
  }

  /** The item at {@code i}. */
  public Value get(int i) {
    return items.get(i);
  }

  @Override
  public int typeRank() {
    return 4;
  }

  @Override
  public String typeName() {
    return "array";
  }

  @Override
  public Object toJava() {
    List<Object> out = new ArrayList<>(items.size());
    for (Value v : items) {
      out.add(v.toJava());
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public int compareTo(Value o) {
    if (!(o instanceof ArrayValue a)) {
      return Integer.compare(4, o.typeRank());
    }
    int n = Math.min(items.size(), a.items.size());
    for (int i = 0; i < n; i++) {
      int c = items.get(i).compareTo(a.items.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(items.size(), a.items.size());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(items.get(i));
    }
    return sb.append(']').toString();
  }
}
