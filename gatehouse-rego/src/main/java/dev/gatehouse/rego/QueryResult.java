package dev.gatehouse.rego;

import java.util.List;
import java.util.Map;

/**
 * One solution of a query.
 *
 * @param expressions the value of each query expression, in query order
 * @param bindings the values of the query's named variables, sorted by name
 */
public record QueryResult(List<ExpressionValue> expressions, Map<String, Value> bindings) {
  /** Copies the lists. */
  public QueryResult {
    expressions = List.copyOf(expressions);
    bindings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(bindings));
  }
}
