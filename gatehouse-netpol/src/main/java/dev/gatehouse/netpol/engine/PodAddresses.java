package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.algebra.IpSet;
import dev.gatehouse.netpol.ir.CompiledPolicies;
import dev.gatehouse.netpol.ir.PeerMatch;
import dev.gatehouse.netpol.ir.PolicyRule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pod IPs against address rules, for profiles where address rules match pods ({@link
 * EngineProfile#cidrMatchesPodIps()}).
 *
 * <p>A workload is matched by an address set when it has pod IPs ({@code status.podIPs}) and all of
 * them lie inside the set: the analysis treats a workload as one peer, so a workload whose pods
 * straddle the set's edge is reported and treated as outside it. Which sets match a workload
 * becomes part of its identity key ({@link #key}), so two workloads that policies tell apart by
 * address never share an identity.
 */
final class PodAddresses {
  /** Address rules never match pods. */
  static final PodAddresses NONE = new PodAddresses(Map.of(), Map.of());

  private final Map<IpSet, Integer> sets;
  private final Map<Workload, List<Integer>> matched;
  private final Map<IpSet, BitSet> byIdentity = new ConcurrentHashMap<>();

  private PodAddresses(Map<IpSet, Integer> sets, Map<Workload, List<Integer>> matched) {
    this.sets = sets;
    this.matched = matched;
  }

  /** The matching for {@code options} over the snapshot's workloads and the policies' sets. */
  static PodAddresses of(
      EngineOptions options,
      ClusterSnapshot snapshot,
      CompiledPolicies policies,
      Diagnostics diagnostics) {
    if (!options.profile().cidrMatchesPodIps()) {
      return NONE;
    }
    LinkedHashSet<IpSet> distinct = new LinkedHashSet<>();
    for (PolicyRule r : policies.rules()) {
      for (PeerMatch p : r.peers()) {
        if (p instanceof PeerMatch.Addresses a) {
          distinct.add(a.addresses());
        }
      }
    }
    List<IpSet> sets = List.copyOf(distinct);
    Map<Workload, List<Integer>> matched = new HashMap<>();
    for (Workload w : snapshot.workloads()) {
      List<IpRange> ips = addresses(w);
      if (ips.isEmpty()) {
        continue;
      }
      List<Integer> in = new ArrayList<>();
      boolean straddles = false;
      for (int i = 0; i < sets.size(); i++) {
        long inside = ips.stream().filter(sets.get(i)::containsRange).count();
        if (inside == ips.size()) {
          in.add(i);
        } else if (inside > 0) {
          straddles = true;
        }
      }
      if (straddles) {
        diagnostics.warning(
            "pods-straddle-cidr",
            w.location(),
            "pod IPs of "
                + w.key()
                + " lie partly inside an address rule; the workload is treated as outside it");
      }
      matched.put(w, List.copyOf(in));
    }
    Map<IpSet, Integer> index = new HashMap<>();
    for (int i = 0; i < sets.size(); i++) {
      index.put(sets.get(i), i);
    }
    return new PodAddresses(index, matched);
  }

  /** Whether the profile matches address rules against pods at all. */
  boolean enabled() {
    return !sets.isEmpty();
  }

  /** The part of a workload's identity key that address rules can see. */
  Object key(Workload w) {
    return matched.getOrDefault(w, List.of());
  }

  /** The identities whose workloads {@code addresses} matches (computed once per set; shared). */
  BitSet identities(IpSet addresses, IdentityTable ids) {
    return byIdentity.computeIfAbsent(addresses, a -> select(a, ids));
  }

  private BitSet select(IpSet addresses, IdentityTable ids) {
    BitSet out = new BitSet(ids.size());
    Integer i = sets.get(addresses);
    if (i == null) {
      return out;
    }
    for (Identity identity : ids.identities()) {
      List<Integer> in =
          identity.members().isEmpty() ? null : matched.get(identity.members().getFirst());
      if (in != null && in.contains(i)) {
        out.set(identity.id());
      }
    }
    return out;
  }

  private static List<IpRange> addresses(Workload w) {
    List<IpRange> out = new ArrayList<>();
    for (String ip : w.podIps()) {
      IpRange.parseAddressRange(ip).ifPresent(out::add);
    }
    return out;
  }
}
