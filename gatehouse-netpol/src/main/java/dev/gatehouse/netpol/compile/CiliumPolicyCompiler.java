package dev.gatehouse.netpol.compile;

import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.algebra.IpSet;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.ir.Action;
import dev.gatehouse.netpol.ir.ClusterEntity;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.ir.Isolation;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import dev.gatehouse.netpol.ir.PeerMatch;
import dev.gatehouse.netpol.ir.PolicyRule;
import dev.gatehouse.netpol.ir.PortMatch;
import dev.gatehouse.netpol.ir.RuleOrigin;
import dev.gatehouse.netpol.ir.Tier;
import dev.gatehouse.netpol.model.CiliumPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles Cilium policies into rules and isolation markers.
 *
 * <p>Allow entries ({@code ingress}, {@code egress}) become {@link Tier#ALLOW} rules, unioned with
 * NetworkPolicy rules, as Cilium enforces both in one policy map; deny entries ({@code
 * ingressDeny}, {@code egressDeny}) become {@link Tier#DENY} rules, which win over every allow
 * ({@code Documentation/security/policy/deny.rst}). Each {@code toPorts} entry becomes its own rule
 * so that it keeps its own L7 rules. A rule whose {@code enableDefaultDeny} is on for a direction
 * isolates its subject in that direction.
 *
 * <p>Entities: {@code all} is every peer; {@code world} every address (and every DNS name); {@code
 * cluster} every workload plus the host, the other nodes and the API server; the entities a static
 * input has no counterpart for ({@code init}, {@code health}, {@code unmanaged}, {@code ingress},
 * {@code none}) match nothing.
 */
public final class CiliumPolicyCompiler {
  private CiliumPolicyCompiler() {}

  /** Adds the rules and isolations of {@code policy} to the given lists. */
  public static void compile(
      CiliumPolicy policy, List<PolicyRule> rules, List<Isolation> isolations) {
    int order = 0;
    for (CiliumPolicy.Rule r : policy.rules()) {
      RuleOrigin marker =
          new RuleOrigin(
              policy.kind(),
              policy.id(),
              r.label().trim(),
              policy.source().locate(r.pointer() + "/endpointSelector"));
      if (r.defaultDenyIngress()) {
        isolations.add(new Isolation(Direction.INGRESS, r.subject(), marker));
      }
      if (r.defaultDenyEgress()) {
        isolations.add(new Isolation(Direction.EGRESS, r.subject(), marker));
      }
      order = add(policy, r, r.ingress(), Direction.INGRESS, false, order, rules);
      order = add(policy, r, r.ingressDeny(), Direction.INGRESS, true, order, rules);
      order = add(policy, r, r.egress(), Direction.EGRESS, false, order, rules);
      order = add(policy, r, r.egressDeny(), Direction.EGRESS, true, order, rules);
    }
  }

  private static int add(
      CiliumPolicy policy,
      CiliumPolicy.Rule r,
      List<CiliumPolicy.Section> sections,
      Direction d,
      boolean deny,
      int order,
      List<PolicyRule> rules) {
    for (CiliumPolicy.Section s : sections) {
      List<PeerMatch> peers = s.anyPeer() ? List.of(new PeerMatch.Everything()) : peers(s.peers());
      if (peers.isEmpty() || s.icmpOnly()) {
        continue;
      }
      RuleOrigin origin =
          new RuleOrigin(
              policy.kind(),
              policy.id(),
              r.label() + d.title() + (deny ? "Deny" : "") + " rule #" + (s.index() + 1),
              policy.source().locate(s.pointer()));
      Tier tier = deny ? Tier.DENY : Tier.ALLOW;
      Action action = deny ? Action.DENY : Action.ALLOW;
      if (s.toPorts().isEmpty()) {
        rules.add(
            new PolicyRule(tier, 0, order++, d, r.subject(), peers, List.of(), action, origin));
        continue;
      }
      for (CiliumPolicy.PortRule pr : s.toPorts()) {
        List<PortMatch> ports = ports(pr);
        if (ports.isEmpty()) {
          continue;
        }
        rules.add(
            new PolicyRule(
                tier, 0, order++, d, r.subject(), peers, ports, action, origin, pr.rules()));
      }
    }
    return order;
  }

  private static List<PeerMatch> peers(List<CiliumPolicy.Peer> peers) {
    List<PeerMatch> out = new ArrayList<>();
    for (CiliumPolicy.Peer p : peers) {
      switch (p) {
        case CiliumPolicy.EndpointsPeer e -> out.add(new PeerMatch.Pods(e.selector()));
        case CiliumPolicy.CidrPeer c -> out.add(new PeerMatch.Addresses(c.addresses()));
        case CiliumPolicy.FqdnPeer f -> out.add(new PeerMatch.Fqdn(f.pattern()));
        case CiliumPolicy.EntityPeer e -> out.addAll(entity(e.entity()));
      }
    }
    return List.copyOf(out);
  }

  /** The peers an entity stands for. */
  static List<PeerMatch> entity(CiliumPolicy.Entity e) {
    IpSet v4 = IpSet.of(IpRange.ALL_V4);
    IpSet v6 = IpSet.of(IpRange.ALL_V6);
    return switch (e) {
      case ALL -> List.of(new PeerMatch.Everything());
      case WORLD ->
          List.of(new PeerMatch.Addresses(IpSet.of(List.of(IpRange.ALL_V4, IpRange.ALL_V6))));
      case WORLD_IPV4 -> List.of(new PeerMatch.Addresses(v4));
      case WORLD_IPV6 -> List.of(new PeerMatch.Addresses(v6));
      case CLUSTER ->
          List.of(
              new PeerMatch.Pods(new EndpointSelector(NamespaceMatch.ANY, LabelSelector.ALL)),
              new PeerMatch.Entity(ClusterEntity.HOST),
              new PeerMatch.Entity(ClusterEntity.REMOTE_NODE),
              new PeerMatch.Entity(ClusterEntity.KUBE_APISERVER));
      case HOST -> List.of(new PeerMatch.Entity(ClusterEntity.HOST));
      case REMOTE_NODE -> List.of(new PeerMatch.Entity(ClusterEntity.REMOTE_NODE));
      case KUBE_APISERVER -> List.of(new PeerMatch.Entity(ClusterEntity.KUBE_APISERVER));
      case INIT, HEALTH, UNMANAGED, INGRESS, NONE -> List.of();
    };
  }

  private static List<PortMatch> ports(CiliumPolicy.PortRule pr) {
    List<PortMatch> out = new ArrayList<>();
    for (CiliumPolicy.PortProtocol p : pr.ports()) {
      if (p.protocols().isEmpty()) {
        continue;
      }
      if (p.name().isPresent()) {
        Optional<Protocol> proto =
            p.protocols().size() == 1 ? Optional.of(p.protocols().getFirst()) : Optional.empty();
        out.add(new PortMatch.Named(proto, p.name().get()));
        continue;
      }
      PortSet set =
          p.port().isEmpty() ? PortSet.ALL : PortSet.range(p.port().getAsInt(), p.endPort());
      for (Protocol proto : p.protocols()) {
        out.add(new PortMatch.Numbered(proto, set));
      }
    }
    return List.copyOf(out);
  }
}
