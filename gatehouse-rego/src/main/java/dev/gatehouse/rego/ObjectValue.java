package dev.gatehouse.rego;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A Rego object: an immutable map from values to values, kept sorted by key. */
public record ObjectValue(SortedMap<Value, Value> entries) implements Value {
  /** The empty object. */
  public static final ObjectValue EMPTY = new ObjectValue(new TreeMap<>());

  /** Copies the entries (keeping OPA's key order). */
  public ObjectValue {
    entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
  }

  static ObjectValue wrap(SortedMap<Value, Value> entries) {
    return new ObjectValue(entries);
  }

  /** An object with string keys, for convenience in tests and drivers. */
  public static ObjectValue ofStrings(Map<String, ? extends Value> m) {
    TreeMap<Value, Value> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(new StringValue(k), v));
    return new ObjectValue(out);
  }

  /** The value at {@code key}, or null if absent. */
  public @Nullable Value get(Value key) {
    return entries.get(key);
  }

  /** The value at the string key {@code key}, or null if absent. */
  public @Nullable Value get(String key) {
    return entries.get(new StringValue(key));
  }

  /** The number of entries. */
  public int size() {
    return entries.size();
  }

  @Override
  public int typeRank() {
    return 5;
  }

  @Override
  public String typeName() {
    return "object";
  }

  @Override
  public Object toJava() {
    Map<Object, @Nullable Object> out = new LinkedHashMap<>();
    entries.forEach(
        (k, v) -> out.put(k instanceof StringValue s ? s.value() : k.toString(), v.toJava()));
    return Collections.unmodifiableMap(out);
  }

  @Override
  public int compareTo(Value o) {
    if (!(o instanceof ObjectValue b)) {
      return Integer.compare(5, o.typeRank());
    }
    Iterator<Map.Entry<Value, Value>> i = entries.entrySet().iterator();
    Iterator<Map.Entry<Value, Value>> j = b.entries.entrySet().iterator();
    while (i.hasNext() && j.hasNext()) {
      Map.Entry<Value, Value> x = i.next();
      Map.Entry<Value, Value> y = j.next();
      int c = x.getKey().compareTo(y.getKey());
      if (c == 0) {
        c = x.getValue().compareTo(y.getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(entries.size(), b.entries.size());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<Value, Value> e : entries.entrySet()) {
      sb.append(first ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue());
      first = false;
    }
    return sb.append('}').toString();
  }
}
