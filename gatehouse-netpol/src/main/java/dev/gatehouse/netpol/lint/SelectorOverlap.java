package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.LabelSelector;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether two label selectors can both match one label set: they cannot when, for some key, one
 * requires the key and the other its absence, or the values they admit have nothing in common.
 * Anything else is taken as a possible overlap (a label set matching both could exist).
 */
final class SelectorOverlap {
  private SelectorOverlap() {}

  /** What one selector requires of one key. */
  private static final class Need {
    @Nullable Set<String> allowed;
    final Set<String> excluded = new HashSet<>();
    boolean present;
    boolean absent;

    void allow(Set<String> values) {
      present = true;
      if (allowed == null) {
        allowed = new HashSet<>(values);
      } else {
        allowed.retainAll(values);
      }
    }

    boolean disjoint(Need o) {
      if ((present && o.absent) || (absent && o.present)) {
        return true;
      }
      Set<String> a = allowed;
      Set<String> b = o.allowed;
      if (a != null && o.excluded.containsAll(a)) {
        return true;
      }
      if (b != null && excluded.containsAll(b)) {
        return true;
      }
      if (a != null && b != null) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.isEmpty();
      }
      return false;
    }
  }

  /** Whether no label set can match both {@code x} and {@code y}. */
  static boolean disjoint(LabelSelector x, LabelSelector y) {
    Map<String, Need> nx = needs(x);
    Map<String, Need> ny = needs(y);
    for (Map.Entry<String, Need> e : nx.entrySet()) {
      Need o = ny.get(e.getKey());
      if (o != null && e.getValue().disjoint(o)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Need> needs(LabelSelector s) {
    Map<String, Need> out = new HashMap<>();
    s.matchLabels().forEach((k, v) -> out.computeIfAbsent(k, key -> new Need()).allow(Set.of(v)));
    for (LabelSelector.Requirement r : s.expressions()) {
      Need n = out.computeIfAbsent(r.key(), key -> new Need());
      switch (r.operator()) {
        case In -> n.allow(r.values());
        case NotIn -> n.excluded.addAll(r.values());
        case Exists -> n.present = true;
        case DoesNotExist -> n.absent = true;
      }
    }
    return out;
  }
}
