package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Building blocks of explanations: cells of the connection space with a label, refined by one
 * connection set at a time, and regions (connections with a verdict and its reasons) merged when
 * verdict and reasons are equal.
 */
final class ExplainRegions {
  private ExplainRegions() {}

  /** Connections with one verdict and the reasons for it. */
  record Region(ConnectionSet conns, boolean allowed, List<Reason> reasons) {}

  /** Connections with a label. */
  record Cell<T>(ConnectionSet conns, T label) {}

  /** Regions merged by verdict and reasons, in order of first appearance. */
  static final class Builder {
    private record Key(boolean allowed, List<Reason> reasons) {}

    private final Map<Key, ConnectionSet> regions = new LinkedHashMap<>();

    void add(ConnectionSet conns, boolean allowed, List<Reason> reasons) {
      if (!conns.isEmpty()) {
        regions.merge(new Key(allowed, List.copyOf(reasons)), conns, ConnectionSet::union);
      }
    }

    List<Region> regions() {
      List<Region> out = new ArrayList<>();
      regions.forEach((k, c) -> out.add(new Region(c, k.allowed(), k.reasons())));
      return out;
    }
  }

  /**
   * Splits every cell by {@code c}: the part inside gets {@code inside} of its label, the rest
   * keeps it.
   */
  static <T> List<Cell<T>> refine(List<Cell<T>> cells, ConnectionSet c, UnaryOperator<T> inside) {
    List<Cell<T>> out = new ArrayList<>(cells.size() + 1);
    for (Cell<T> cell : cells) {
      ConnectionSet in = cell.conns().intersect(c);
      if (in.isEmpty()) {
        out.add(cell);
        continue;
      }
      out.add(new Cell<>(in, inside.apply(cell.label())));
      ConnectionSet rest = cell.conns().subtract(c);
      if (!rest.isEmpty()) {
        out.add(new Cell<>(rest, cell.label()));
      }
    }
    return out;
  }

  /** Reasons sorted by text, each once. */
  static List<Reason> sorted(List<Reason> reasons) {
    return reasons.stream().distinct().sorted(Comparator.comparing(Reason::text)).toList();
  }

  static List<Reason> concat(List<Reason> a, List<Reason> b) {
    List<Reason> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  static List<Reason> append(List<Reason> a, Reason r) {
    return concat(a, List.of(r));
  }
}
