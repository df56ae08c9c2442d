package dev.gatehouse.netpol.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One subject's peers split into classes that exactly the same of its rules match (partition
 * refinement: each rule splits the classes it cuts). Class 0 holds the peers no rule matches.
 *
 * <p>Broad rules refine whole {@link PeerUnits units} (no broad rule tells a unit's peers apart),
 * then narrow rules refine single peers, which are recorded as overrides of their unit's class.
 * Each class keeps its rules in the order they were applied, broad ones first. A partition borrows
 * a per-thread scratch array; {@link #release} returns it clean.
 */
final class SubjectPartition {
  private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[0]);

  private final PeerUnits units;
  private final int[] classOfUnit;

  /** Per peer: 0, or 1 + the class of a peer a narrow rule moved out of its unit's class. */
  private final int[] override;

  private final List<Integer> overridden = new ArrayList<>();
  private final List<List<IndexedRule>> rules = new ArrayList<>();
  private int[] sizes = new int[8];
  private int[] hits = new int[8];
  private int[] target = new int[8];
  private final List<Integer> touched = new ArrayList<>();

  private SubjectPartition(PeerUnits units, int size) {
    this.units = units;
    this.classOfUnit = new int[units.count()];
    int[] scratch = SCRATCH.get();
    if (scratch.length < size) {
      scratch = new int[size];
      SCRATCH.set(scratch);
    }
    this.override = scratch;
    rules.add(new ArrayList<>());
    sizes[0] = size;
  }

  /** Partitions the {@code size} peers by {@code specific} (rules of one subject and direction). */
  static SubjectPartition of(PeerUnits units, int size, List<IndexedRule> specific) {
    SubjectPartition out = new SubjectPartition(units, size);
    for (IndexedRule r : specific) {
      int[] byUnit = units.unitsOf(r);
      if (byUnit != null) {
        out.refineUnits(r, byUnit);
      }
    }
    for (IndexedRule r : specific) {
      if (units.unitsOf(r) == null) {
        out.refinePeers(r, units.peersOf(r));
      }
    }
    return out;
  }

  private void refineUnits(IndexedRule r, int[] matched) {
    grow();
    for (int u : matched) {
      hit(classOfUnit[u], units.members(u).length);
    }
    decide(r);
    for (int u : matched) {
      classOfUnit[u] = target[classOfUnit[u]];
    }
    touched.clear();
  }

  private void refinePeers(IndexedRule r, int[] matched) {
    grow();
    for (int p : matched) {
      hit(classOf(p), 1);
    }
    decide(r);
    for (int p : matched) {
      int c = classOf(p);
      if (target[c] != c) {
        if (override[p] == 0) {
          overridden.add(p);
        }
        override[p] = target[c] + 1;
      }
    }
    touched.clear();
  }

  private void hit(int c, int weight) {
    if (hits[c] == 0) {
      touched.add(c);
    }
    hits[c] += weight;
  }

  /** For each class the rule touched: the rule joins it whole, or its matched part splits off. */
  private void decide(IndexedRule r) {
    for (int c : touched) {
      if (hits[c] == sizes[c]) {
        rules.get(c).add(r);
        target[c] = c;
      } else {
        int fresh = rules.size();
        List<IndexedRule> sig = new ArrayList<>(rules.get(c));
        sig.add(r);
        rules.add(sig);
        growTo(fresh + 1);
        sizes[fresh] = hits[c];
        sizes[c] -= hits[c];
        target[c] = fresh;
      }
      hits[c] = 0;
    }
  }

  private void grow() {
    growTo(rules.size());
  }

  private void growTo(int n) {
    if (sizes.length < n) {
      sizes = Arrays.copyOf(sizes, n * 2);
      hits = Arrays.copyOf(hits, n * 2);
      target = Arrays.copyOf(target, n * 2);
    }
  }

  private int classOf(int p) {
    int o = override[p];
    return o != 0 ? o - 1 : classOfUnit[units.unitOf(p)];
  }

  int count() {
    return rules.size();
  }

  int size(int c) {
    return sizes[c];
  }

  /** The rules matching class {@code c}'s peers (broad rules first, then narrow ones). */
  List<IndexedRule> rules(int c) {
    return rules.get(c);
  }

  /** Decides what to keep of a peer: an index to keep it under, or -1 to drop it. */
  interface PeerSink {
    int accept(int peer, int cls);
  }

  /**
   * Offers every peer of the classes marked in {@code listed} to {@code sink}; returns the kept
   * ones as {@code peer << 32 | index}, unsorted.
   */
  long[] peersOf(boolean[] listed, PeerSink sink) {
    long[] out = new long[16];
    int n = 0;
    for (int u = 0; u < classOfUnit.length; u++) {
      int c = classOfUnit[u];
      if (!listed[c]) {
        continue;
      }
      for (int p : units.members(u)) {
        if (override[p] == 0) {
          int k = sink.accept(p, c);
          if (k >= 0) {
            if (n == out.length) {
              out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = ((long) p << 32) | k;
          }
        }
      }
    }
    for (int p : overridden) {
      int c = override[p] - 1;
      if (listed[c]) {
        int k = sink.accept(p, c);
        if (k >= 0) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = ((long) p << 32) | k;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Clears the overrides from the per-thread scratch array. */
  void release() {
    for (int p : overridden) {
      override[p] = 0;
    }
  }
}
