package dev.gatehouse.rego;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** A Rego set: an immutable set of values, kept in OPA's sort order. */
public record SetValue(SortedSet<Value> items) implements Value {
  /** The empty set. */
  public static final SetValue EMPTY = new SetValue(new TreeSet<>());

  /** Copies the items. */
  public SetValue {
    items = Collections.unmodifiableSortedSet(new TreeSet<>(items));
  }

  static SetValue wrap(SortedSet<Value> items) {
    return new SetValue(items);
  }

  /** A set of the given items. */
  public static SetValue of(Value... items) {
    TreeSet<Value> s = new TreeSet<>();
    Collections.addAll(s, items);
    return new SetValue(s);
  }

  /** Whether {@code v} is a member. */
  public boolean contains(Value v) {
    return items.contains(v);
  }

  /** The number of members. */
  public int size() {
    return items.size();
  }

  @Override
  public int typeRank() {
    return 6;
  }

  @Override
  public String typeName() {
    return "set";
  }

  @Override
  public Object toJava() {
    Set<@Nullable Object> out = new LinkedHashSet<>();
    for (Value v : items) {
      out.add(v.toJava());
    }
    return Collections.unmodifiableSet(out);
  }

  @Override
  public int compareTo(Value o) {
    if (!(o instanceof SetValue b)) {
      return Integer.compare(6, o.typeRank());
    }
    Iterator<Value> i = items.iterator();
    Iterator<Value> j = b.items.iterator();
    while (i.hasNext() && j.hasNext()) {
      int c = i.next().compareTo(j.next());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(items.size(), b.items.size());
  }

  @Override
  public String toString() {
    if (items.isEmpty()) {
      return "set()";
    }
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Value v : items) {
      sb.append(first ? "" : ", ").append(v);
      first = false;
    }
    return sb.append('}').toString();
  }
}
