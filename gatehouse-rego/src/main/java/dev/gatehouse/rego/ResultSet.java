package dev.gatehouse.rego;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** All solutions of a query; empty when the query is undefined. */
public record ResultSet(List<QueryResult> results) {
  /** Copies the list. */
  public ResultSet {
    results = List.copyOf(results);
  }

  /** Whether the query had no solution. */
  public boolean isEmpty() {
    return results.isEmpty();
  }

  /**
   * The result set as {@code opa eval} prints it: {@code {"result": [{"expressions": [...],
   * "bindings": {...}}]}} (no {@code result} key when empty, {@code bindings} only when non-empty).
   */
  public Value toValue() {
    TreeMap<Value, Value> root = new TreeMap<>();
    if (results.isEmpty()) {
      return new ObjectValue(root);
    }
    List<Value> rs = new ArrayList<>();
    for (QueryResult r : results) {
      TreeMap<Value, Value> one = new TreeMap<>();
      List<Value> exprs = new ArrayList<>();
      for (ExpressionValue e : r.expressions()) {
        TreeMap<Value, Value> ev = new TreeMap<>();
        ev.put(new StringValue("value"), e.value());
        ev.put(new StringValue("text"), new StringValue(e.text()));
        TreeMap<Value, Value> loc = new TreeMap<>();
        loc.put(new StringValue("row"), NumberValue.of(e.location().row()));
        loc.put(new StringValue("col"), NumberValue.of(e.location().col()));
        ev.put(new StringValue("location"), new ObjectValue(loc));
        exprs.add(new ObjectValue(ev));
      }
      one.put(new StringValue("expressions"), new ArrayValue(exprs));
      if (!r.bindings().isEmpty()) {
        one.put(new StringValue("bindings"), ObjectValue.ofStrings(r.bindings()));
      }
      rs.add(new ObjectValue(one));
    }
    root.put(new StringValue("result"), new ArrayValue(rs));
    return new ObjectValue(root);
  }
}
