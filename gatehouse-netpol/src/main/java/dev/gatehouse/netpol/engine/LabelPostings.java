package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.LabelSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Identity ids by pod label ({@code key=value} → ascending ids), so that a selector with {@code
 * matchLabels} is checked only against the identities that carry its rarest label instead of every
 * identity of the selected namespaces. Every identity the selector matches carries all its {@code
 * matchLabels}, so it is among those candidates; the candidates are still checked in full.
 */
final class LabelPostings {
  private final Map<String, Map<String, int[]>> ids;

  private LabelPostings(Map<String, Map<String, int[]>> ids) {
    this.ids = ids;
  }

  /** Indexes the labels of {@code identities} (ids are list positions). */
  static LabelPostings of(List<Identity> identities) {
    Map<String, Map<String, List<Integer>>> lists = new HashMap<>();
    for (Identity i : identities) {
      i.labels()
          .forEach(
              (k, v) ->
                  lists
                      .computeIfAbsent(k, x -> new HashMap<>())
                      .computeIfAbsent(v, x -> new ArrayList<>())
                      .add(i.id()));
    }
    Map<String, Map<String, int[]>> out = new HashMap<>();
    lists.forEach(
        (k, byValue) -> {
          Map<String, int[]> arrays = new HashMap<>();
          byValue.forEach(
              (v, l) -> arrays.put(v, l.stream().mapToInt(Integer::intValue).toArray()));
          out.put(k, arrays);
        });
    return new LabelPostings(out);
  }

  /**
   * The ids of the identities carrying the selector's rarest {@code matchLabels} entry (ascending),
   * a superset of the identities it matches; null when the selector has no {@code matchLabels}.
   */
  int @Nullable [] candidates(LabelSelector selector) {
    int[] best = null;
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      Map<String, int[]> byValue = ids.get(e.getKey());
      int[] list = byValue == null ? null : byValue.get(e.getValue());
      if (list == null) {
        return new int[0];
      }
      if (best == null || list.length < best.length) {
        best = list;
      }
    }
    return best;
  }
}
