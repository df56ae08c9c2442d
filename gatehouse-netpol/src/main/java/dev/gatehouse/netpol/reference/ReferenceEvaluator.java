package dev.gatehouse.netpol.reference;

import dev.gatehouse.kube.ClusterSnapshot;
import dev.gatehouse.kube.ContainerPort;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.engine.CompiledNetwork;
import dev.gatehouse.netpol.engine.Connection;
import dev.gatehouse.netpol.engine.ConnectivityReport;
import dev.gatehouse.netpol.engine.Peer;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.model.NetworkPolicy;
import dev.gatehouse.netpol.model.NetworkPolicyParser;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Kubernetes NetworkPolicy by its definition: the oracle for the engine.
 *
 * <p>Design note (API comments in {@code k8s.io/api/networking/v1/types.go}; the concept page
 * "Network Policies"; netpol-analyzer's {@code pkg/netpol/eval/check.go} for the peer model):
 *
 * <ul>
 *   <li>A connection from {@code src} to {@code dst} needs egress allowed at {@code src} and
 *       ingress allowed at {@code dst}; the result is the intersection of the two sides.
 *   <li>One side of a workload: if no policy in its namespace selects it with that policy type, it
 *       allows everything; otherwise it allows the union, over those policies, of the connections
 *       of every rule of that direction whose peers match the other end.
 *   <li>A rule with no peers matches every peer; a selector peer matches pods only (namespace
 *       selector absent: the policy's namespace; pod selector absent: every pod); an ipBlock peer
 *       matches addresses only, never pods.
 *   <li>A rule with no ports allows everything; a port entry allows its protocol's port, range
 *       {@code port..endPort}, or every port; a named port allows the destination pod's container
 *       ports with that name and that protocol (for ingress the destination is the subject, for
 *       egress the peer; an address has no named ports).
 *   <li>An address is never a subject: its side allows everything.
 * </ul>
 *
 * <p>It models Kubernetes NetworkPolicy only, under the engine's default profile (ipBlocks never
 * match pods): inputs with AdminNetworkPolicies, Cilium policies or Ingress/Route objects (which
 * add the ingress controller as a peer) are outside what it can check.
 *
 * <p>Nothing is indexed beyond the list of policies selecting each workload of the snapshot (looked
 * up by object identity), computed once in the constructor so the evaluator is immutable and
 * thread-safe. It costs O(workloads² × rules).
 */
public final class ReferenceEvaluator {
  private static final ConnectionSet ALL = ConnectionSet.ALL;

  private final ClusterSnapshot snapshot;
  private final List<NetworkPolicy> policies;
  private final Map<Workload, List<NetworkPolicy>> ingressSelecting = new IdentityHashMap<>();
  private final Map<Workload, List<NetworkPolicy>> egressSelecting = new IdentityHashMap<>();
  private final boolean showIpv6;

  /** An evaluator of {@code policies} (validated models) over the workloads of {@code snapshot}. */
  public ReferenceEvaluator(ClusterSnapshot snapshot, List<NetworkPolicy> policies) {
    this.snapshot = snapshot;
    this.policies = List.copyOf(policies);
    for (Workload w : snapshot.workloads()) {
      ingressSelecting.put(w, selecting(w, Direction.INGRESS));
      egressSelecting.put(w, selecting(w, Direction.EGRESS));
    }
    this.showIpv6 = this.policies.stream().anyMatch(ReferenceEvaluator::namesIpv6);
  }

  /** An evaluator of every valid NetworkPolicy among {@code snapshot.others()}. */
  public static ReferenceEvaluator of(ClusterSnapshot snapshot, Diagnostics diagnostics) {
    return new ReferenceEvaluator(snapshot, policiesOf(snapshot, diagnostics));
  }

  /**
   * Parses the NetworkPolicies (networking.k8s.io) among {@code snapshot.others()}; invalid ones
   * are reported and left out, as the engine leaves them out.
   */
  public static List<NetworkPolicy> policiesOf(ClusterSnapshot snapshot, Diagnostics diagnostics) {
    List<NetworkPolicy> out = new ArrayList<>();
    for (KubeObject o : snapshot.others()) {
      if (o.kind().equals("NetworkPolicy") && o.apiGroup().equals("networking.k8s.io")) {
        NetworkPolicyParser.parse(o, diagnostics).ifPresent(out::add);
      }
    }
    return out;
  }

  /** Every connection allowed from {@code src} to {@code dst} (workloads or address ranges). */
  public ConnectionSet allowed(Peer src, Peer dst) {
    ConnectionSet egress =
        src instanceof Peer.WorkloadPeer w ? side(Direction.EGRESS, w.workload(), dst) : ALL;
    ConnectionSet ingress =
        dst instanceof Peer.WorkloadPeer w ? side(Direction.INGRESS, w.workload(), src) : ALL;
    return egress.intersect(ingress);
  }

  /**
   * What the {@code direction} side of {@code subject} allows with {@code peer}: egress towards
   * {@code peer}, or ingress from it.
   */
  public ConnectionSet side(Direction direction, Workload subject, Peer peer) {
    List<NetworkPolicy> selecting =
        (direction == Direction.INGRESS ? ingressSelecting : egressSelecting).get(subject);
    if (selecting == null) {
      selecting = selecting(subject, direction);
    }
    if (selecting.isEmpty()) {
      return ALL;
    }
    Workload destination =
        direction == Direction.INGRESS
            ? subject
            : peer instanceof Peer.WorkloadPeer w ? w.workload() : null;
    ConnectionSet out = ConnectionSet.NONE;
    for (NetworkPolicy p : selecting) {
      for (NetworkPolicy.Rule r : direction == Direction.INGRESS ? p.ingress() : p.egress()) {
        if (matchesPeer(p, r, peer)) {
          out = out.union(ports(r, destination));
        }
      }
    }
    return out;
  }

  /**
   * Every allowed connection between two workloads, from a workload to each range of {@code
   * destinations}, and from each range of {@code sources} to a workload; sorted, without empty sets
   * and self-loops. IPv6 ranges are listed only when a policy names an IPv6 ipBlock in a direction
   * its policy types isolate (the engine's presentation rule).
   *
   * @param sources address ranges that are sources (disjoint, and not cut by any ipBlock)
   * @param destinations address ranges that are destinations (likewise)
   */
  public ConnectivityReport connectivity(List<IpRange> sources, List<IpRange> destinations) {
    List<Connection> out = new ArrayList<>();
    for (Workload w : snapshot.workloads()) {
      out.addAll(connectionsFrom(new Peer.WorkloadPeer(w), destinations));
    }
    for (IpRange r : sources) {
      out.addAll(connectionsFrom(new Peer.IpPeer(r), destinations));
    }
    out.sort(null);
    List<Peer> workloads = new ArrayList<>();
    snapshot.workloads().forEach(w -> workloads.add(new Peer.WorkloadPeer(w)));
    workloads.sort(null);
    return new ConnectivityReport(List.copyOf(out), List.copyOf(workloads));
  }

  /**
   * The allowed connections from one source, unsorted: from a workload to every other workload and
   * to each range of {@code destinations}; from an address range to every workload. Ranges that
   * {@link #connectivity(List, List)} does not list (IPv6 without IPv6 rules) are left out here
   * too.
   */
  public List<Connection> connectionsFrom(Peer src, List<IpRange> destinations) {
    List<Connection> out = new ArrayList<>();
    if (src instanceof Peer.IpPeer ip && !shown(ip.range())) {
      return out;
    }
    for (Workload w : snapshot.workloads()) {
      Peer dst = new Peer.WorkloadPeer(w);
      if (!src.equals(dst)) {
        add(out, src, dst);
      }
    }
    if (src instanceof Peer.WorkloadPeer) {
      for (IpRange r : destinations) {
        if (shown(r)) {
          add(out, src, new Peer.IpPeer(r));
        }
      }
    }
    return out;
  }

  /** {@link #connectivity(List, List)} with the address ranges the engine uses for {@code net}. */
  public ConnectivityReport connectivity(CompiledNetwork net) {
    return connectivity(net.ipPeers(Direction.INGRESS), net.ipPeers(Direction.EGRESS));
  }

  private void add(List<Connection> out, Peer src, Peer dst) {
    ConnectionSet c = allowed(src, dst);
    if (!c.isEmpty()) {
      out.add(new Connection(src, dst, c));
    }
  }

  private List<NetworkPolicy> selecting(Workload w, Direction direction) {
    List<NetworkPolicy> out = new ArrayList<>();
    for (NetworkPolicy p : policies) {
      boolean hasType = direction == Direction.INGRESS ? p.isolatesIngress() : p.isolatesEgress();
      if (hasType && p.namespace().equals(w.namespace()) && p.podSelector().matches(w.labels())) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  private boolean matchesPeer(NetworkPolicy p, NetworkPolicy.Rule r, Peer peer) {
    if (r.peers().isEmpty()) {
      return true;
    }
    for (NetworkPolicy.Peer rulePeer : r.peers()) {
      boolean match =
          switch (rulePeer) {
            case NetworkPolicy.SelectorPeer s ->
                peer instanceof Peer.WorkloadPeer w && selects(p, s, w.workload());
            case NetworkPolicy.IpBlockPeer b -> peer instanceof Peer.IpPeer ip && contains(b, ip);
          };
      if (match) {
        return true;
      }
    }
    return false;
  }

  private boolean selects(NetworkPolicy p, NetworkPolicy.SelectorPeer s, Workload w) {
    boolean namespace =
        s.namespaceSelector().isPresent()
            ? s.namespaceSelector().get().matches(snapshot.namespace(w.namespace()).labels())
            : w.namespace().equals(p.namespace());
    boolean pod = s.podSelector().isEmpty() || s.podSelector().get().matches(w.labels());
    return namespace && pod;
  }

  /**
   * Whether the address range is inside the block: inside its cidr and apart from every except.
   * Done on the cidr and except texts, not with the engine's IpSet algebra. The range is outside
   * when every address it shares with the cidr is excepted; a range that is neither (it straddles
   * the block's edge) cannot be answered for all its addresses at once, so it is refused.
   */
  private static boolean contains(NetworkPolicy.IpBlockPeer b, Peer.IpPeer ip) {
    IpRange r = ip.range();
    IpRange cidr = IpRange.parseCidr(b.cidr()).orElseThrow();
    List<IpRange> excepts = new ArrayList<>();
    b.except().forEach(e -> excepts.add(IpRange.parseCidr(e).orElseThrow()));
    boolean inside = cidr.contains(r) && excepts.stream().noneMatch(e -> overlap(e, r));
    boolean outside = !overlap(cidr, r) || covered(clip(cidr, r), excepts);
    if (!inside && !outside) {
      throw new IllegalArgumentException(
          "address range " + r + " is cut by ipBlock " + b.cidr() + " except " + b.except());
    }
    return inside;
  }

  private static boolean overlap(IpRange a, IpRange b) {
    return a.v6() == b.v6()
        && a.first().compareTo(b.last()) <= 0
        && b.first().compareTo(a.last()) <= 0;
  }

  /** The addresses two overlapping ranges share. */
  private static IpRange clip(IpRange a, IpRange b) {
    return new IpRange(a.v6(), a.first().max(b.first()), a.last().min(b.last()));
  }

  /** Whether the ranges {@code cover} together hold every address of {@code r}. */
  private static boolean covered(IpRange r, List<IpRange> cover) {
    List<IpRange> sorted = new ArrayList<>(cover);
    sorted.sort(null);
    java.math.BigInteger next = r.first();
    for (IpRange c : sorted) {
      if (c.v6() == r.v6() && c.first().compareTo(next) <= 0 && c.last().compareTo(next) >= 0) {
        next = c.last().add(java.math.BigInteger.ONE);
      }
    }
    return next.compareTo(r.last()) > 0;
  }

  private static ConnectionSet ports(NetworkPolicy.Rule r, @Nullable Workload destination) {
    if (r.ports().isEmpty()) {
      return ALL;
    }
    ConnectionSet out = ConnectionSet.NONE;
    for (NetworkPolicy.Port p : r.ports()) {
      if (p.name().isPresent()) {
        if (destination == null) {
          continue;
        }
        for (ContainerPort cp : destination.ports()) {
          if (cp.name().equals(p.name().get()) && cp.protocol().equals(p.protocol().name())) {
            out = out.union(ConnectionSet.of(p.protocol(), PortSet.of(cp.port())));
          }
        }
      } else if (p.port().isPresent()) {
        int start = p.port().getAsInt();
        PortSet range = PortSet.range(start, p.endPort().orElse(start));
        out = out.union(ConnectionSet.of(p.protocol(), range));
      } else {
        out = out.union(ConnectionSet.allOf(p.protocol()));
      }
    }
    return out;
  }

  private boolean shown(IpRange range) {
    return !range.v6() || showIpv6;
  }

  private static boolean namesIpv6(NetworkPolicy p) {
    List<NetworkPolicy.Rule> rules = new ArrayList<>();
    if (p.isolatesIngress()) {
      rules.addAll(p.ingress());
    }
    if (p.isolatesEgress()) {
      rules.addAll(p.egress());
    }
    return rules.stream()
        .flatMap(r -> r.peers().stream())
        .anyMatch(
            peer ->
                peer instanceof NetworkPolicy.IpBlockPeer b
                    && b.addresses().ranges().stream().anyMatch(IpRange::v6));
  }
}
