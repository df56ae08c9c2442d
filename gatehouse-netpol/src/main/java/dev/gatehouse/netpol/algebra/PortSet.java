package dev.gatehouse.netpol.algebra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of port numbers in {@code 1..65535}, kept as sorted, disjoint, non-adjacent
 * inclusive intervals.
 */
public final class PortSet {
  /** The lowest port. */
  public static final int MIN = 1;

  /** The highest port. */
  public static final int MAX = 65535;

  /** No port. */
  public static final PortSet NONE = new PortSet(new int[0]);

  /** Every port {@code 1..65535}. */
  public static final PortSet ALL = new PortSet(new int[] {MIN, MAX});

  /** Pairs {@code [start0, end0, start1, end1, ...]}, sorted, merged. */
  private final int[] bounds;

  private PortSet(int[] bounds) {
    this.bounds = bounds;
  }

  /** The ports {@code start..end} (inclusive); empty when {@code end < start}. */
  public static PortSet range(int start, int end) {
    int s = Math.max(start, MIN);
    int e = Math.min(end, MAX);
    return s > e ? NONE : new PortSet(new int[] {s, e});
  }

  /** A single port. */
  public static PortSet of(int port) {
    return range(port, port);
  }

  /** Whether no port is in the set. */
  public boolean isEmpty() {
    return bounds.length == 0;
  }

  /** Whether every port is in the set. */
  public boolean isAll() {
    return bounds.length == 2 && bounds[0] == MIN && bounds[1] == MAX;
  }

  /** Whether {@code port} is in the set. */
  public boolean contains(int port) {
    for (int i = 0; i < bounds.length; i += 2) {
      if (port < bounds[i]) {
        return false;
      }
      if (port <= bounds[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** Whether every port of {@code other} is in this set. */
  public boolean containsAll(PortSet other) {
    return other.subtract(this).isEmpty();
  }

  /** The union. */
  public PortSet union(PortSet other) {
    if (other.isEmpty() || this.isAll()) {
      return this;
    }
    if (this.isEmpty() || other.isAll()) {
      return other;
    }
    int[] all = new int[bounds.length + other.bounds.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < bounds.length || j < other.bounds.length) {
      int[] src;
      int k;
      if (j >= other.bounds.length || (i < bounds.length && bounds[i] <= other.bounds[j])) {
        src = bounds;
        k = i;
        i += 2;
      } else {
        src = other.bounds;
        k = j;
        j += 2;
      }
      if (n > 0 && src[k] <= all[n - 1] + 1) {
        all[n - 1] = Math.max(all[n - 1], src[k + 1]);
      } else {
        all[n++] = src[k];
        all[n++] = src[k + 1];
      }
    }
    return new PortSet(Arrays.copyOf(all, n));
  }

  /** The intersection. */
  public PortSet intersect(PortSet other) {
    if (this.isAll() || other.isEmpty()) {
      return other;
    }
    if (other.isAll() || this.isEmpty()) {
      return this;
    }
    int[] out = new int[bounds.length + other.bounds.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < bounds.length && j < other.bounds.length) {
      int s = Math.max(bounds[i], other.bounds[j]);
      int e = Math.min(bounds[i + 1], other.bounds[j + 1]);
      if (s <= e) {
        out[n++] = s;
        out[n++] = e;
      }
      if (bounds[i + 1] < other.bounds[j + 1]) {
        i += 2;
      } else {
        j += 2;
      }
    }
    return n == 0 ? NONE : new PortSet(Arrays.copyOf(out, n));
  }

  /** The ports of this set that are not in {@code other}. */
  public PortSet subtract(PortSet other) {
    return intersect(other.complement());
  }

  /** The ports {@code 1..65535} not in this set. */
  public PortSet complement() {
    if (isEmpty()) {
      return ALL;
    }
    if (isAll()) {
      return NONE;
    }
    int[] out = new int[bounds.length + 2];
    int n = 0;
    int prev = MIN;
    for (int i = 0; i < bounds.length; i += 2) {
      if (bounds[i] > prev) {
        out[n++] = prev;
        out[n++] = bounds[i] - 1;
      }
      prev = bounds[i + 1] + 1;
    }
    if (prev <= MAX) {
      out[n++] = prev;
      out[n++] = MAX;
    }
    return new PortSet(Arrays.copyOf(out, n));
  }

  /** The intervals as {@code [start, end]} pairs. */
  public List<int[]> intervals() {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < bounds.length; i += 2) {
      out.add(new int[] {bounds[i], bounds[i + 1]});
    }
    return out;
  }

  /** Renders as {@code 80,8080-8090} (maximal intervals, ascending). */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bounds.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(bounds[i]);
      if (bounds[i + 1] != bounds[i]) {
        sb.append('-').append(bounds[i + 1]);
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortSet p && Arrays.equals(bounds, p.bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }
}
