package dev.gatehouse.netpol.algebra;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** An immutable set of IP addresses (both families), as sorted disjoint {@link IpRange}s. */
public final class IpSet {
  /** No address. */
  public static final IpSet NONE = new IpSet(List.of());

  private final List<IpRange> ranges;

  private IpSet(List<IpRange> ranges) {
    this.ranges = ranges;
  }

  /** The union of the given ranges. */
  public static IpSet of(Collection<IpRange> ranges) {
    List<IpRange> sorted = new ArrayList<>(ranges);
    sorted.sort(null);
    List<IpRange> out = new ArrayList<>();
    for (IpRange r : sorted) {
      if (!out.isEmpty()) {
        IpRange last = out.getLast();
        if (last.v6() == r.v6() && r.first().compareTo(last.last().add(BigInteger.ONE)) <= 0) {
          if (r.last().compareTo(last.last()) > 0) {
            out.set(out.size() - 1, new IpRange(r.v6(), last.first(), r.last()));
          }
          continue;
        }
      }
      out.add(r);
    }
    return new IpSet(List.copyOf(out));
  }

  /** The set of one range. */
  public static IpSet of(IpRange range) {
    return new IpSet(List.of(range));
  }

  /** The disjoint ranges, sorted (IPv4 first). */
  public List<IpRange> ranges() {
    return ranges;
  }

  /** Whether the set is empty. */
  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** The addresses of this set that are not in {@code other}. */
  public IpSet subtract(IpSet other) {
    List<IpRange> out = new ArrayList<>();
    for (IpRange r : ranges) {
      List<IpRange> pieces = List.of(r);
      for (IpRange cut : other.ranges) {
        List<IpRange> next = new ArrayList<>();
        for (IpRange p : pieces) {
          next.addAll(cutOut(p, cut));
        }
        pieces = next;
      }
      out.addAll(pieces);
    }
    return of(out);
  }

  private static List<IpRange> cutOut(IpRange p, IpRange cut) {
    if (p.v6() != cut.v6()
        || cut.last().compareTo(p.first()) < 0
        || cut.first().compareTo(p.last()) > 0) {
      return List.of(p);
    }
    List<IpRange> out = new ArrayList<>(2);
    if (cut.first().compareTo(p.first()) > 0) {
      out.add(new IpRange(p.v6(), p.first(), cut.first().subtract(BigInteger.ONE)));
    }
    if (cut.last().compareTo(p.last()) < 0) {
      out.add(new IpRange(p.v6(), cut.last().add(BigInteger.ONE), p.last()));
    }
    return out;
  }

  /**
   * Whether {@code range} lies entirely inside this set: inside one of its ranges, since the ranges
   * are disjoint and never adjacent (adjacent ones are merged).
   */
  public boolean containsRange(IpRange range) {
    for (IpRange r : ranges) {
      if (r.contains(range)) {
        return true;
      }
    }
    return false;
  }

  /** Whether this set and {@code range} share an address. */
  public boolean overlaps(IpRange range) {
    for (IpRange r : ranges) {
      if (r.v6() == range.v6()
          && r.first().compareTo(range.last()) <= 0
          && range.first().compareTo(r.last()) <= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Splits {@code universe} into disjoint ranges such that every set in {@code sets} is a union of
   * some of them: the coarsest partition that no given set cuts.
   */
  public static List<IpRange> partition(IpRange universe, Collection<IpSet> sets) {
    TreeSet<BigInteger> starts = new TreeSet<>();
    starts.add(universe.first());
    BigInteger end = universe.last().add(BigInteger.ONE);
    for (IpSet s : sets) {
      for (IpRange r : s.ranges) {
        if (r.v6() != universe.v6()) {
          continue;
        }
        addBoundary(starts, r.first(), universe);
        addBoundary(starts, r.last().add(BigInteger.ONE), universe);
      }
    }
    List<IpRange> out = new ArrayList<>();
    List<BigInteger> list = new ArrayList<>(starts);
    for (int i = 0; i < list.size(); i++) {
      BigInteger next = i + 1 < list.size() ? list.get(i + 1) : end;
      out.add(new IpRange(universe.v6(), list.get(i), next.subtract(BigInteger.ONE)));
    }
    return out;
  }

  private static void addBoundary(TreeSet<BigInteger> starts, BigInteger b, IpRange universe) {
    if (b.compareTo(universe.first()) > 0 && b.compareTo(universe.last()) <= 0) {
      starts.add(b);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpSet s && ranges.equals(s.ranges);
  }

  @Override
  public int hashCode() {
    return ranges.hashCode();
  }

  @Override
  public String toString() {
    return ranges.toString();
  }
}
