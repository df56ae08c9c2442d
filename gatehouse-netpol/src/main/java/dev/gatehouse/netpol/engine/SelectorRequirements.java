package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.LabelSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A label selector reduced to its requirements, written and ordered as {@code
 * k8s.io/apimachinery/pkg/labels} writes them ({@code k=v}, {@code k in (a,b)}, {@code k notin
 * (a,b)}, {@code k}, {@code !k}; sorted by key), so that selectors that say the same thing in
 * different words compare equal.
 *
 * <p>Design note (netpol-analyzer {@code representative_selectors.go}): {@code In} with a single
 * value is written {@code k=v}, like a {@code matchLabels} entry; values are sorted. Representative
 * peers are told apart by these requirements, and a rule selector "fully matches" a representative
 * selector when it is empty or has exactly the same requirements (a narrower or wider selector does
 * not match).
 */
record SelectorRequirements(List<String> requirements) {

  /** Copies the list. */
  SelectorRequirements {
    requirements = List.copyOf(requirements);
  }

  /** The requirements of {@code selector}. */
  static SelectorRequirements of(LabelSelector selector) {
    record Req(String key, String text) {}
    List<Req> reqs = new ArrayList<>();
    selector.matchLabels().forEach((k, v) -> reqs.add(new Req(k, k + "=" + v)));
    for (LabelSelector.Requirement r : selector.expressions()) {
      reqs.add(new Req(r.key(), text(r)));
    }
    reqs.sort(Comparator.comparing(Req::key).thenComparing(Req::text));
    return new SelectorRequirements(reqs.stream().map(Req::text).toList());
  }

  private static String text(LabelSelector.Requirement r) {
    String values = String.join(",", new TreeSet<>(r.values()));
    return switch (r.operator()) {
      case In -> r.values().size() == 1 ? r.key() + "=" + values : r.key() + " in (" + values + ")";
      case NotIn -> r.key() + " notin (" + values + ")";
      case Exists -> r.key();
      case DoesNotExist -> "!" + r.key();
    };
  }

  /**
   * Whether a policy rule's {@code rule} selector fully matches a representative peer's {@code
   * representative} selector: the rule selects everything, or both have the same requirements.
   */
  static boolean fullyMatches(LabelSelector rule, LabelSelector representative) {
    return rule.isEmpty() || of(rule).equals(of(representative));
  }
}
