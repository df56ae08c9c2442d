package dev.gatehouse.netpol.diff;

import dev.gatehouse.netpol.engine.Peer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts diff entries as netpol-analyzer lists them: entries from the ingress controller last, then
 * by type (changed, added, removed), source label and destination label. Each distinct label is
 * ranked once, so large diffs sort on integers rather than on strings.
 */
final class EntryOrder {
  private EntryOrder() {}

  static List<DiffEntry> sorted(List<DiffEntry> entries) {
    Map<String, Integer> index = new HashMap<>();
    List<String> distinct = new ArrayList<>();
    int[] src = new int[entries.size()];
    int[] dst = new int[entries.size()];
    for (int i = 0; i < src.length; i++) {
      src[i] = index.computeIfAbsent(entries.get(i).src().label(), l -> add(distinct, l));
      dst[i] = index.computeIfAbsent(entries.get(i).dst().label(), l -> add(distinct, l));
    }
    Integer[] byLabel = new Integer[distinct.size()];
    Arrays.setAll(byLabel, i -> i);
    Arrays.sort(byLabel, Comparator.comparing(distinct::get));
    long[] rank = new long[byLabel.length];
    for (int r = 0; r < byLabel.length; r++) {
      rank[byLabel[r]] = r;
    }
    long[] keys = new long[src.length];
    for (int i = 0; i < src.length; i++) {
      DiffEntry e = entries.get(i);
      long group = (e.src() instanceof Peer.IngressControllerPeer ? 4L : 0L) + e.type().ordinal();
      keys[i] = group << 56 | rank[src[i]] << 28 | rank[dst[i]];
    }
    Integer[] order = new Integer[src.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingLong(i -> keys[i]));
    return Arrays.stream(order).map(entries::get).toList();
  }

  private static int add(List<String> distinct, String label) {
    distinct.add(label);
    return distinct.size() - 1;
  }
}
