package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.Protocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The connections a workload may have with peers that do not exist yet: numbered ports, and
 * container port names that can only be resolved once the peer exists.
 *
 * <p>Design note (netpol-analyzer {@code portset.go}, {@code connectionset.go}): a rule's named
 * port towards a representative peer stays a name, under the rule's protocol (a NetworkPolicy port)
 * or under no protocol (an AdminNetworkPolicy {@code namedPort}, whose protocol the container port
 * would give). Names behave as atoms: union adds them, subtraction removes equal names of the same
 * protocol (everything, when all numbered connections are subtracted), and intersection keeps the
 * left operand's names, as netpol-analyzer's port sets do. Printed as {@code TCP 80,http}; a name
 * without protocol prints as {@code " http"}, sorted before the protocols.
 *
 * @param ports the numbered connections
 * @param names per protocol name ({@code ""}: unknown protocol), the container port names
 */
public record ExposureConnection(ConnectionSet ports, SortedMap<String, SortedSet<String>> names) {

  /** No connection. */
  public static final ExposureConnection NONE =
      new ExposureConnection(ConnectionSet.NONE, new TreeMap<>());

  /** Every numbered connection. */
  public static final ExposureConnection ALL =
      new ExposureConnection(ConnectionSet.ALL, new TreeMap<>());

  /** Copies the names, dropping empty entries. */
  public ExposureConnection {
    TreeMap<String, SortedSet<String>> copy = new TreeMap<>();
    names.forEach(
        (protocol, set) -> {
          if (!set.isEmpty()) {
            copy.put(protocol, Collections.unmodifiableSortedSet(new TreeSet<>(set)));
          }
        });
    names = Collections.unmodifiableSortedMap(copy);
  }

  /** Numbered connections only. */
  public static ExposureConnection of(ConnectionSet ports) {
    return ports.isEmpty() ? NONE : new ExposureConnection(ports, new TreeMap<>());
  }

  /** Whether there is neither a numbered connection nor a name. */
  public boolean isEmpty() {
    return ports.isEmpty() && names.isEmpty();
  }

  /** The union. */
  public ExposureConnection union(ExposureConnection o) {
    TreeMap<String, SortedSet<String>> n = new TreeMap<>();
    for (Map<String, SortedSet<String>> m : List.of(names, o.names)) {
      m.forEach((p, set) -> n.computeIfAbsent(p, k -> new TreeSet<>()).addAll(set));
    }
    return new ExposureConnection(ports.union(o.ports), n);
  }

  /** This minus {@code o}: numbered connections, and the names {@code o} holds too. */
  public ExposureConnection subtract(ExposureConnection o) {
    if (o.ports.isAll()) {
      return NONE;
    }
    TreeMap<String, SortedSet<String>> n = new TreeMap<>();
    names.forEach(
        (p, set) -> {
          TreeSet<String> left = new TreeSet<>(set);
          left.removeAll(o.names.getOrDefault(p, Collections.emptySortedSet()));
          n.put(p, left);
        });
    return new ExposureConnection(ports.subtract(o.ports), n);
  }

  /** The numbered connections in both, with this set's names. */
  public ExposureConnection intersect(ExposureConnection o) {
    return new ExposureConnection(ports.intersect(o.ports), names);
  }

  /**
   * Renders as netpol-analyzer does: {@code All Connections}, {@code No Connections}, or sorted
   * {@code PROTO ports[,names]} items joined by {@code ,}.
   */
  public String text() {
    if (ports.isAll()) {
      return "All Connections";
    }
    if (isEmpty()) {
      return "No Connections";
    }
    List<String> items = new ArrayList<>();
    names.forEach(
        (p, set) -> {
          if (p.isEmpty()) {
            items.add(" " + String.join(",", set));
          }
        });
    for (Protocol p : Protocol.values()) {
      SortedSet<String> named = names.getOrDefault(p.name(), Collections.emptySortedSet());
      String numbered = ports.ports(p).isEmpty() ? "" : ports.ports(p).toString();
      if (numbered.isEmpty() && named.isEmpty()) {
        continue;
      }
      String sep = numbered.isEmpty() || named.isEmpty() ? "" : ",";
      items.add(p.name() + " " + numbered + sep + String.join(",", named));
    }
    Collections.sort(items);
    return String.join(",", items);
  }
}
