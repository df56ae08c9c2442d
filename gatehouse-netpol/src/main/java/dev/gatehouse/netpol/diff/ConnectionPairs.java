package dev.gatehouse.netpol.diff;

import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.engine.Connection;
import dev.gatehouse.netpol.engine.Peer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Matches the connections of two reports by source and destination name.
 *
 * <p>Peers are matched by label, as netpol-analyzer matches them by their printed names. Address
 * ranges need more care: each side's ranges come from its own partition of the address space, so a
 * range of one side may overlap several of the other. For each non-address peer and direction the
 * ranges of both sides are cut at every boundary of either side, each piece gets what the base and
 * the new side allow it, and adjacent pieces with the same pair are merged back into maximal ranges
 * (netpol-analyzer: {@code eval.DisjointPeerIPMap}, {@code connlist.RefineConnListByDisjointPeers},
 * {@code diffMap.mergeIPblocks}). Pieces that neither side connects are left out.
 */
final class ConnectionPairs {
  /** One source and destination with what each side allows ({@link Allowed#NONE} if nothing). */
  record Pair(Peer src, Peer dst, Allowed before, Allowed after) {}

  private record Key(String src, String dst) {}

  private record Ranged(IpRange range, Allowed allowed) {}

  /** The connections between one peer and address ranges, in one direction. */
  private static final class RangeGroup {
    final Peer other;
    final boolean rangeIsSource;
    final List<Ranged> base = new ArrayList<>();
    final List<Ranged> next = new ArrayList<>();

    RangeGroup(Peer other, boolean rangeIsSource) {
      this.other = other;
      this.rangeIsSource = rangeIsSource;
    }
  }

  /** A pair being collected. */
  private static final class Slot {
    final Peer src;
    final Peer dst;
    Allowed before = Allowed.NONE;
    Allowed after = Allowed.NONE;

    Slot(Peer src, Peer dst) {
      this.src = src;
      this.dst = dst;
    }
  }

  private final Map<Peer, String> labels = new IdentityHashMap<>();
  private final Map<Key, Slot> slots = new LinkedHashMap<>();
  private final Map<Key, RangeGroup> rangeGroups = new LinkedHashMap<>();

  private ConnectionPairs() {}

  /** Every source and destination that either list connects, with what each side allows. */
  static List<Pair> match(List<Connection> base, List<Connection> next) {
    ConnectionPairs m = new ConnectionPairs();
    base.forEach(c -> m.add(c, true));
    next.forEach(c -> m.add(c, false));
    List<Pair> out = new ArrayList<>(m.slots.size());
    for (Slot s : m.slots.values()) {
      out.add(new Pair(s.src, s.dst, s.before, s.after));
    }
    for (RangeGroup g : m.rangeGroups.values()) {
      refine(g, false, out);
      refine(g, true, out);
    }
    return out;
  }

  private String label(Peer p) {
    return labels.computeIfAbsent(p, Peer::label);
  }

  private void add(Connection c, boolean isBase) {
    Allowed allowed = Allowed.of(c);
    if (c.src() instanceof Peer.IpPeer ip) {
      group(c.dst(), true, isBase).add(new Ranged(ip.range(), allowed));
    } else if (c.dst() instanceof Peer.IpPeer ip) {
      group(c.src(), false, isBase).add(new Ranged(ip.range(), allowed));
    } else {
      Slot s =
          slots.computeIfAbsent(
              new Key(label(c.src()), label(c.dst())), k -> new Slot(c.src(), c.dst()));
      if (isBase) {
        s.before = allowed;
      } else {
        s.after = allowed;
      }
    }
  }

  private List<Ranged> group(Peer other, boolean rangeIsSource, boolean isBase) {
    Key key = rangeIsSource ? new Key("", label(other)) : new Key(label(other), "");
    RangeGroup g = rangeGroups.computeIfAbsent(key, k -> new RangeGroup(other, rangeIsSource));
    return isBase ? g.base : g.next;
  }

  /** Cuts the group's ranges of one address family into pieces and merges equal neighbours. */
  private static void refine(RangeGroup g, boolean v6, List<Pair> out) {
    List<Ranged> a = family(g.base, v6);
    List<Ranged> b = family(g.next, v6);
    List<BigInteger> cuts = new ArrayList<>(2 * (a.size() + b.size()));
    for (List<Ranged> side : List.of(a, b)) {
      for (Ranged r : side) {
        cuts.add(r.range().first());
        cuts.add(r.range().last().add(BigInteger.ONE));
      }
    }
    cuts.sort(null);
    Run run = null;
    int ia = 0;
    int ib = 0;
    BigInteger start = null;
    for (BigInteger cut : cuts) {
      if (start != null && !cut.equals(start)) {
        BigInteger last = cut.subtract(BigInteger.ONE);
        while (ia < a.size() && a.get(ia).range().last().compareTo(start) < 0) {
          ia++;
        }
        while (ib < b.size() && b.get(ib).range().last().compareTo(start) < 0) {
          ib++;
        }
        Allowed before = covering(a, ia, start);
        Allowed after = covering(b, ib, start);
        if (before.isEmpty() && after.isEmpty()) {
          run = flush(g, v6, run, out);
        } else if (run != null && run.continuesWith(start, before, after)) {
          run.last = last;
        } else {
          flush(g, v6, run, out);
          run = new Run(start, last, before, after);
        }
      }
      start = cut;
    }
    flush(g, v6, run, out);
  }

  private static List<Ranged> family(List<Ranged> side, boolean v6) {
    List<Ranged> out = new ArrayList<>();
    for (Ranged r : side) {
      if (r.range().v6() == v6) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(Ranged::range));
    return out;
  }

  private static Allowed covering(List<Ranged> side, int i, BigInteger address) {
    return i < side.size() && side.get(i).range().first().compareTo(address) <= 0
        ? side.get(i).allowed()
        : Allowed.NONE;
  }

  /** Adjacent pieces with the same connections on both sides. */
  private static final class Run {
    final BigInteger first;
    BigInteger last;
    final Allowed before;
    final Allowed after;

    Run(BigInteger first, BigInteger last, Allowed before, Allowed after) {
      this.first = first;
      this.last = last;
      this.before = before;
      this.after = after;
    }

    boolean continuesWith(BigInteger start, Allowed b, Allowed a) {
      return last.add(BigInteger.ONE).equals(start) && before.equals(b) && after.equals(a);
    }
  }

  private static @Nullable Run flush(RangeGroup g, boolean v6, @Nullable Run run, List<Pair> out) {
    if (run != null) {
      Peer ip = new Peer.IpPeer(new IpRange(v6, run.first, run.last));
      out.add(
          g.rangeIsSource
              ? new Pair(ip, g.other, run.before, run.after)
              : new Pair(g.other, ip, run.before, run.after));
    }
    return null;
  }
}
