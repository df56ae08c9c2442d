package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Wording shared by the rules' messages. */
final class Text {
  private static final int SHOWN = 5;

  private Text() {}

  /** {@code a, b, c, d, e and 3 more}. */
  static String list(List<String> items) {
    if (items.size() <= SHOWN) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, SHOWN)) + " and " + (items.size() - SHOWN) + " more";
  }

  /** A selector as {@code app=web,tier in (a,b)}, or {@code {}} when it selects everything. */
  static String selector(LabelSelector s) {
    if (s.isEmpty()) {
      return "{}";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
      parts.add(e.getKey() + "=" + e.getValue());
    }
    for (LabelSelector.Requirement r : s.expressions()) {
      parts.add(
          switch (r.operator()) {
            case In -> r.key() + " in (" + String.join(",", r.values()) + ")";
            case NotIn -> r.key() + " notin (" + String.join(",", r.values()) + ")";
            case Exists -> r.key();
            case DoesNotExist -> "!" + r.key();
          });
    }
    return String.join(",", parts);
  }
}
