package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Kubernetes label selector: {@code matchLabels} and {@code matchExpressions}, ANDed. The empty
 * selector matches everything.
 *
 * <p>Semantics follow {@code k8s.io/apimachinery/pkg/labels}: {@code NotIn} and {@code
 * DoesNotExist} match objects that lack the key.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> expressions) {

  /** The selector that matches every label set. */
  public static final LabelSelector ALL = new LabelSelector(Map.of(), List.of());

  /** A {@code matchExpressions} operator. */
  public enum Operator {
    /** The key is present with one of the values. */
    In,
    /** The key is absent, or present with none of the values. */
    NotIn,
    /** The key is present. */
    Exists,
    /** The key is absent. */
    DoesNotExist
  }

  /** One {@code matchExpressions} entry. */
  public record Requirement(String key, Operator operator, Set<String> values) {
    /** Whether {@code labels} satisfy this requirement. */
    public boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (operator) {
        case In -> v != null && values.contains(v);
        case NotIn -> v == null || !values.contains(v);
        case Exists -> v != null;
        case DoesNotExist -> v == null;
      };
    }
  }

  /**
   * Canonical copies: sorted keys, so equal selectors are equal records. Requirement values keep
   * their written order (analyses print them as written); set equality ignores that order.
   */
  public LabelSelector {
    matchLabels = java.util.Collections.unmodifiableMap(new TreeMap<>(matchLabels));
    expressions = List.copyOf(expressions);
  }

  /** A selector matching exactly these labels. */
  public static LabelSelector of(Map<String, String> labels) {
    return new LabelSelector(labels, List.of());
  }

  /** Whether the selector has no requirement (matches everything). */
  public boolean isEmpty() {
    return matchLabels.isEmpty() && expressions.isEmpty();
  }

  /** Whether {@code labels} satisfy every requirement. */
  public boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (Requirement r : expressions) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** Every label key this selector looks at. */
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>(matchLabels.keySet());
    expressions.forEach(r -> keys.add(r.key()));
    return keys;
  }

  /**
   * Parses a selector at {@code pointer} of {@code obj}; invalid parts are reported and the
   * selector is rejected (empty result) rather than silently widened.
   */
  public static java.util.Optional<LabelSelector> parse(
      JsonNode node, KubeObject obj, String pointer, Diagnostics diagnostics) {
    if (node.isNull() || node.isMissingNode()) {
      return java.util.Optional.of(ALL);
    }
    if (!node.isObject()) {
      diagnostics.error(
          "bad-selector",
          obj.locate(pointer),
          obj.displayName() + ": " + pointer + " must be a label selector object");
      return java.util.Optional.empty();
    }
    boolean ok = true;
    Map<String, String> labels = new TreeMap<>();
    JsonNode ml = node.path("matchLabels");
    if (ml.isObject()) {
      for (var it = ml.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          diagnostics.error(
              "bad-selector",
              obj.locate(pointer + "/matchLabels/" + e.getKey()),
              obj.displayName() + ": matchLabels value of " + e.getKey() + " must be a string");
          ok = false;
        } else {
          labels.put(e.getKey(), e.getValue().asText());
        }
      }
    } else if (!ml.isMissingNode() && !ml.isNull()) {
      diagnostics.error(
          "bad-selector",
          obj.locate(pointer + "/matchLabels"),
          obj.displayName() + ": matchLabels must be a map");
      ok = false;
    }
    List<Requirement> reqs = new ArrayList<>();
    JsonNode me = node.path("matchExpressions");
    for (int i = 0; i < me.size(); i++) {
      String at = pointer + "/matchExpressions/" + i;
      Requirement r = parseRequirement(me.get(i), obj, at, diagnostics);
      if (r == null) {
        ok = false;
      } else {
        reqs.add(r);
      }
    }
    return ok ? java.util.Optional.of(new LabelSelector(labels, reqs)) : java.util.Optional.empty();
  }

  private static @org.jspecify.annotations.Nullable Requirement parseRequirement(
      JsonNode e, KubeObject obj, String at, Diagnostics diagnostics) {
    String key = e.path("key").asText("");
    String op = e.path("operator").asText("");
    Set<String> values = new java.util.LinkedHashSet<>();
    e.path("values").forEach(v -> values.add(v.asText()));
    Operator operator;
    try {
      operator = Operator.valueOf(op);
    } catch (IllegalArgumentException ex) {
      diagnostics.error(
          "bad-selector",
          obj.locate(at),
          obj.displayName()
              + ": matchExpressions operator \""
              + op
              + "\" is not one of In, NotIn, Exists, DoesNotExist");
      return null;
    }
    if (key.isEmpty()) {
      diagnostics.error(
          "bad-selector",
          obj.locate(at),
          obj.displayName() + ": matchExpressions entry without key");
      return null;
    }
    boolean needsValues = operator == Operator.In || operator == Operator.NotIn;
    if (needsValues && values.isEmpty()) {
      diagnostics.error(
          "bad-selector",
          obj.locate(at),
          obj.displayName() + ": operator " + op + " requires a non-empty values list");
      return null;
    }
    if (!needsValues && !values.isEmpty()) {
      diagnostics.error(
          "bad-selector",
          obj.locate(at),
          obj.displayName() + ": operator " + op + " must not have values");
      return null;
    }
    return new Requirement(key, operator, java.util.Collections.unmodifiableSet(values));
  }
}
