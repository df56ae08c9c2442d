package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compiled templates and their constraints: immutable and thread-safe, so a server can swap
 * snapshots atomically and review concurrently. {@link #review} is the hot path a benchmark calls.
 */
public final class PolicySnapshot {
  private final Map<String, CompiledTemplate> templates;
  private final Map<String, List<Constraint>> constraints;
  private final String enforcementPoint;

  PolicySnapshot(
      Map<String, CompiledTemplate> templates,
      Map<String, List<Constraint>> constraints,
      String enforcementPoint) {
    this.templates = Map.copyOf(templates);
    Map<String, List<Constraint>> copy = new java.util.LinkedHashMap<>();
    constraints.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.constraints = java.util.Collections.unmodifiableMap(copy);
    this.enforcementPoint = enforcementPoint;
  }

  /** The compiled templates by constraint kind. */
  public Map<String, CompiledTemplate> templates() {
    return templates;
  }

  /** Every constraint whose template compiled, in input order per kind. */
  public List<Constraint> constraints() {
    return constraints.values().stream().flatMap(List::stream).toList();
  }

  /** Reviews one request against every matching constraint. */
  public ReviewResult review(AdmissionRequest request, Inventory inventory) {
    @Nullable ObjectNode nsObject = namespaceObject(request, inventory);
    DriverReview review = new DriverReview(request, nsObject, inventory);
    List<Result> results = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, List<Constraint>> e : constraints.entrySet()) {
      List<Constraint> matched = new ArrayList<>();
      for (Constraint c : e.getValue()) {
        if (c.actionsAt(enforcementPoint).isEmpty()) {
          continue;
        }
        switch (ConstraintMatcher.matches(c.match(), request, inventory)) {
          case MATCH -> matched.add(c);
          case NO_MATCH -> {}
          case UNKNOWN_NAMESPACE ->
              errors.add(
                  "constraint "
                      + c.name()
                      + ": namespace \""
                      + namespaceOf(request)
                      + "\" is unknown, so its namespaceSelector cannot be evaluated; skipped");
        }
      }
      if (matched.isEmpty()) {
        continue;
      }
      CompiledTemplate t = java.util.Objects.requireNonNull(templates.get(e.getKey()));
      for (Violation v : t.driver().review(t, matched, review)) {
        Set<EnforcementAction> actions = v.constraint().actionsAt(enforcementPoint);
        for (EnforcementAction a : actions) {
          results.add(new Result(v.constraint(), v.message(), a, v.details()));
        }
      }
    }
    return new ReviewResult(request, results, errors);
  }

  private static @Nullable ObjectNode namespaceObject(
      AdmissionRequest request, Inventory inventory) {
    if (ConstraintMatcher.isNamespace(request)) {
      return null;
    }
    String ns = namespaceOf(request);
    return ns.isEmpty() ? null : inventory.namespace(ns).orElse(null);
  }

  private static String namespaceOf(AdmissionRequest request) {
    String ns = request.namespace();
    return ns.isEmpty() ? request.reviewed().path("metadata").path("namespace").asText("") : ns;
  }
}
