package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.ir.ClusterEntity;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.PeerMatch;
import dev.gatehouse.netpol.ir.PolicyRule;
import dev.gatehouse.netpol.l7.FqdnPattern;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The peers of one direction, numbered densely: identities {@code [0, n)}, then the address ranges
 * the rules tell apart, then the cluster entities that are not workloads (host, remote nodes, the
 * API server), then (egress only) one peer per DNS pattern the rules name.
 *
 * <p>A DNS peer stands for the names its pattern matches; a rule matches it when the rule's peers
 * cover every such name (a {@code toFQDNs} pattern that covers it, an address set holding every
 * IPv4 address, or everything). Names matched by a more specific pattern that some rule names have
 * their own peer, which then shows the full answer for them.
 */
final class PeerSpace {
  private static final List<ClusterEntity> ENTITIES = List.of(ClusterEntity.values());

  private final int identities;
  private final List<IpRange> ips;
  private final List<FqdnPattern> fqdns;
  private final boolean entitiesNamed;

  private PeerSpace(
      int identities, List<IpRange> ips, List<FqdnPattern> fqdns, boolean entitiesNamed) {
    this.identities = identities;
    this.ips = ips;
    this.fqdns = fqdns;
    this.entitiesNamed = entitiesNamed;
  }

  /** The peer space of direction {@code d} for the given rules (of both directions). */
  static PeerSpace of(int identities, List<IpRange> ips, List<PolicyRule> rules, Direction d) {
    TreeSet<FqdnPattern> fqdns = new TreeSet<>();
    boolean named = false;
    for (PolicyRule r : rules) {
      for (PeerMatch p : r.peers()) {
        named |= p instanceof PeerMatch.Entity;
        if (d == Direction.EGRESS && r.direction() == d && p instanceof PeerMatch.Fqdn f) {
          fqdns.add(f.pattern());
        }
      }
    }
    return new PeerSpace(identities, ips, List.copyOf(fqdns), named);
  }

  /** The number of peers. */
  int size() {
    return fqdnBase() + fqdns.size();
  }

  /** The address ranges. */
  List<IpRange> ips() {
    return ips;
  }

  /** The DNS patterns, in peer order. */
  List<FqdnPattern> fqdns() {
    return fqdns;
  }

  /** Whether some rule names a cluster entity (connectivity lists them only then). */
  boolean entitiesNamed() {
    return entitiesNamed;
  }

  int entityBase() {
    return identities + ips.size();
  }

  int fqdnBase() {
    return entityBase() + ENTITIES.size();
  }

  /** The peer index of an entity. */
  int indexOf(ClusterEntity e) {
    return entityBase() + e.ordinal();
  }

  /** The peer index of an address range that contains {@code address}. */
  OptionalInt indexOfAddress(IpRange address) {
    for (int i = 0; i < ips.size(); i++) {
      if (ips.get(i).contains(address)) {
        return OptionalInt.of(identities + i);
      }
    }
    return OptionalInt.empty();
  }

  /** The entity at {@code index}, or null when the index is another kind of peer. */
  @org.jspecify.annotations.Nullable
  ClusterEntity entityAt(int index) {
    int i = index - entityBase();
    return i >= 0 && i < ENTITIES.size() ? ENTITIES.get(i) : null;
  }

  /** The DNS pattern at {@code index}, or null when the index is another kind of peer. */
  @org.jspecify.annotations.Nullable
  FqdnPattern fqdnAt(int index) {
    int i = index - fqdnBase();
    return i >= 0 && i < fqdns.size() ? fqdns.get(i) : null;
  }

  /** The address range at {@code index}, or null when the index is another kind of peer. */
  @org.jspecify.annotations.Nullable
  IpRange ipAt(int index) {
    int i = index - identities;
    return i >= 0 && i < ips.size() ? ips.get(i) : null;
  }
}
