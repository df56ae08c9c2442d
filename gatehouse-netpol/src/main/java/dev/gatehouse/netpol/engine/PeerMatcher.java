package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.ir.PeerMatch;
import dev.gatehouse.netpol.ir.PolicyRule;
import dev.gatehouse.netpol.l7.FqdnPattern;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a rule's peers over its direction's {@link PeerSpace}: which identities, address
 * ranges, cluster entities and DNS peers it matches.
 */
final class PeerMatcher {
  private final IdentityTable ids;
  private final PodAddresses pods;
  private final Map<List<Object>, BitSet> coverage = new HashMap<>();

  PeerMatcher(IdentityTable ids, PodAddresses pods) {
    this.ids = ids;
    this.pods = pods;
  }

  /** The peers of {@code space} that {@code r} matches (shared: do not modify). */
  BitSet peers(PolicyRule r, PeerSpace space) {
    if (r.peers().size() == 1 && r.peers().getFirst() instanceof PeerMatch.Pods only) {
      return ids.select(only.selector()); // shared with the selector cache; never modified
    }
    int n = ids.size();
    BitSet out = new BitSet();
    for (PeerMatch p : r.peers()) {
      switch (p) {
        case PeerMatch.Everything e -> out.set(0, space.size());
        case PeerMatch.Pods sel -> out.or(ids.select(sel.selector()));
        case PeerMatch.Entity e -> out.set(space.indexOf(e.entity()));
        case PeerMatch.Fqdn f -> out.or(covered(f.pattern(), space));
        case PeerMatch.Addresses a -> {
          for (int i = 0; i < space.ips().size(); i++) {
            if (a.addresses().containsRange(space.ips().get(i))) {
              out.set(n + i);
            }
          }
          if (a.addresses().containsRange(IpRange.ALL_V4)) {
            out.set(space.fqdnBase(), space.size());
          }
          if (pods.enabled()) {
            out.or(pods.identities(a.addresses(), ids));
          }
        }
      }
    }
    return out;
  }

  /** The DNS peers of {@code space} that {@code pattern} covers, computed once per pattern. */
  private BitSet covered(FqdnPattern pattern, PeerSpace space) {
    return coverage.computeIfAbsent(
        List.of(space, pattern),
        k -> {
          BitSet out = new BitSet();
          for (int i = 0; i < space.fqdns().size(); i++) {
            if (pattern.covers(space.fqdns().get(i))) {
              out.set(space.fqdnBase() + i);
            }
          }
          return out;
        });
  }

  /** Whether {@code p} matches the DNS name {@code name} (an egress destination outside). */
  static boolean matchesName(PeerMatch p, String name) {
    return switch (p) {
      case PeerMatch.Everything e -> true;
      case PeerMatch.Fqdn f -> f.pattern().matches(name);
      case PeerMatch.Addresses a -> a.addresses().containsRange(IpRange.ALL_V4);
      case PeerMatch.Pods sel -> false;
      case PeerMatch.Entity e -> false;
    };
  }
}
