package dev.gatehouse.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.algebra.IpSet;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.algebra.Protocol;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The interval algebra that the engine and the reference evaluator share, checked against bitmaps:
 * port sets over 1..65535, and address sets over a small IPv4 universe.
 */
class AlgebraPropertyTest {
  private static final int[] EDGES = {1, 2, 52, 53, 54, 79, 80, 81, 443, 8080, 65534, 65535};

  @Provide
  Arbitrary<List<int[]>> ranges() {
    Arbitrary<Integer> edge =
        Arbitraries.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).map(i -> EDGES[i]);
    return Combinators.combine(edge, edge)
        .as((a, b) -> new int[] {Math.min(a, b), Math.max(a, b)})
        .list()
        .ofMaxSize(4);
  }

  @Property(tries = 300)
  void portSet_operations_matchBitmaps(
      @ForAll("ranges") List<int[]> a, @ForAll("ranges") List<int[]> b) {
    PortSet x = ports(a);
    PortSet y = ports(b);
    assertThat(bits(x.union(y))).isEqualTo(or(bits(x), bits(y)));
    assertThat(bits(x.intersect(y))).isEqualTo(and(bits(x), bits(y)));
    assertThat(bits(x.subtract(y))).isEqualTo(andNot(bits(x), bits(y)));
    assertThat(bits(x.complement())).isEqualTo(andNot(bits(PortSet.ALL), bits(x)));
    assertThat(x.isEmpty()).isEqualTo(bits(x).isEmpty());
    assertThat(x.isAll()).isEqualTo(bits(x).cardinality() == PortSet.MAX);
    assertThat(x.union(y)).isEqualTo(ports(concat(a, b)));
    for (int p : EDGES) {
      assertThat(x.contains(p)).isEqualTo(bits(x).get(p));
    }
  }

  @Property(tries = 300)
  void connectionSet_operations_matchPerProtocolPortSets(
      @ForAll("ranges") List<int[]> a, @ForAll("ranges") List<int[]> b) {
    ConnectionSet x =
        ConnectionSet.of(Protocol.TCP, ports(a)).union(ConnectionSet.allOf(Protocol.SCTP));
    ConnectionSet y =
        ConnectionSet.of(Protocol.TCP, ports(b)).union(ConnectionSet.of(Protocol.UDP, ports(a)));
    for (Protocol p : Protocol.values()) {
      assertThat(x.union(y).ports(p)).isEqualTo(x.ports(p).union(y.ports(p)));
      assertThat(x.intersect(y).ports(p)).isEqualTo(x.ports(p).intersect(y.ports(p)));
      assertThat(x.subtract(y).ports(p)).isEqualTo(x.ports(p).subtract(y.ports(p)));
    }
    assertThat(x.union(y).containsAll(x)).isTrue();
    assertThat(x.intersect(y).isEmpty())
        .isEqualTo(Protocol.values().length == emptyProtocols(x.intersect(y)));
  }

  @Property(tries = 300)
  void ipSet_containsAndOverlaps_matchBitmaps(
      @ForAll("addresses") List<int[]> set,
      @ForAll("addresses") List<int[]> cut,
      @ForAll("addresses") List<int[]> probes) {
    IpSet s = ips(set).subtract(ips(cut));
    BitSet model = andNot(ipBits(set), ipBits(cut));
    for (int[] p : probes) {
      BitSet probe = ipBits(List.of(p));
      assertThat(s.containsRange(v4(p)))
          .as("contains %s", v4(p))
          .isEqualTo(andNot(probe, model).isEmpty());
      assertThat(s.overlaps(v4(p))).as("overlaps %s", v4(p)).isEqualTo(probe.intersects(model));
    }
  }

  @Provide
  Arbitrary<List<int[]>> addresses() {
    Arbitrary<Integer> a = Arbitraries.integers().between(0, 40);
    return Combinators.combine(a, a)
        .as((x, y) -> new int[] {Math.min(x, y), Math.max(x, y)})
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  private static int emptyProtocols(ConnectionSet c) {
    int empty = 0;
    for (Protocol p : Protocol.values()) {
      empty += c.ports(p).isEmpty() ? 1 : 0;
    }
    return empty;
  }

  private static IpRange v4(int[] r) {
    return new IpRange(false, BigInteger.valueOf(r[0]), BigInteger.valueOf(r[1]));
  }

  private static IpSet ips(List<int[]> ranges) {
    return IpSet.of(ranges.stream().map(AlgebraPropertyTest::v4).toList());
  }

  private static BitSet ipBits(List<int[]> ranges) {
    BitSet b = new BitSet();
    ranges.forEach(r -> b.set(r[0], r[1] + 1));
    return b;
  }

  private static PortSet ports(List<int[]> ranges) {
    PortSet s = PortSet.NONE;
    for (int[] r : ranges) {
      s = s.union(PortSet.range(r[0], r[1]));
    }
    return s;
  }

  private static BitSet bits(PortSet s) {
    BitSet b = new BitSet();
    s.intervals().forEach(r -> b.set(r[0], r[1] + 1));
    return b;
  }

  private static List<int[]> concat(List<int[]> a, List<int[]> b) {
    List<int[]> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static BitSet or(BitSet a, BitSet b) {
    BitSet c = (BitSet) a.clone();
    c.or(b);
    return c;
  }

  private static BitSet and(BitSet a, BitSet b) {
    BitSet c = (BitSet) a.clone();
    c.and(b);
    return c;
  }

  private static BitSet andNot(BitSet a, BitSet b) {
    BitSet c = (BitSet) a.clone();
    c.andNot(b);
    return c;
  }
}
