package dev.gatehouse.netpol.compile;

import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.ir.Action;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.ir.Isolation;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import dev.gatehouse.netpol.ir.PeerMatch;
import dev.gatehouse.netpol.ir.PolicyRule;
import dev.gatehouse.netpol.ir.PortMatch;
import dev.gatehouse.netpol.ir.RuleOrigin;
import dev.gatehouse.netpol.ir.Tier;
import dev.gatehouse.netpol.model.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles Kubernetes NetworkPolicies into allow-tier rules and isolation markers.
 *
 * <p>A policy isolates its selected pods for each direction in its (defaulted) policyTypes; its
 * rules for that direction allow, additively. Rules of a direction the policy types do not list are
 * ignored, as the API documents.
 */
public final class NetworkPolicyCompiler {
  private NetworkPolicyCompiler() {}

  /** Adds the rules and isolations of {@code policy} to the given lists. */
  public static void compile(
      NetworkPolicy policy, List<PolicyRule> rules, List<Isolation> isolations) {
    EndpointSelector subject =
        new EndpointSelector(new NamespaceMatch.Named(policy.namespace()), policy.podSelector());
    if (policy.isolatesIngress()) {
      addDirection(policy, subject, Direction.INGRESS, policy.ingress(), rules, isolations);
    }
    if (policy.isolatesEgress()) {
      addDirection(policy, subject, Direction.EGRESS, policy.egress(), rules, isolations);
    }
  }

  private static void addDirection(
      NetworkPolicy policy,
      EndpointSelector subject,
      Direction direction,
      List<NetworkPolicy.Rule> list,
      List<PolicyRule> rules,
      List<Isolation> isolations) {
    isolations.add(
        new Isolation(
            direction,
            subject,
            new RuleOrigin(
                "NetworkPolicy", policy.id(), "", policy.source().locate("/spec/podSelector"))));
    for (NetworkPolicy.Rule r : list) {
      RuleOrigin origin =
          new RuleOrigin(
              "NetworkPolicy",
              policy.id(),
              direction.title() + " rule #" + (r.index() + 1),
              policy.source().locate(r.pointer()));
      rules.add(
          new PolicyRule(
              Tier.ALLOW,
              0,
              r.index(),
              direction,
              subject,
              peers(policy, r),
              ports(r),
              Action.ALLOW,
              origin));
    }
  }

  private static List<PeerMatch> peers(NetworkPolicy policy, NetworkPolicy.Rule r) {
    if (r.peers().isEmpty()) {
      return List.of(new PeerMatch.Everything());
    }
    List<PeerMatch> out = new ArrayList<>();
    for (NetworkPolicy.Peer p : r.peers()) {
      out.add(
          switch (p) {
            case NetworkPolicy.SelectorPeer s -> {
              NamespaceMatch ns =
                  s.namespaceSelector()
                      .<NamespaceMatch>map(NamespaceMatch.Selected::new)
                      .orElse(new NamespaceMatch.Named(policy.namespace()));
              yield new PeerMatch.Pods(
                  new EndpointSelector(ns, s.podSelector().orElse(LabelSelector.ALL)));
            }
            case NetworkPolicy.IpBlockPeer ip -> new PeerMatch.Addresses(ip.addresses());
          });
    }
    return List.copyOf(out);
  }

  private static List<PortMatch> ports(NetworkPolicy.Rule r) {
    List<PortMatch> out = new ArrayList<>();
    for (NetworkPolicy.Port p : r.ports()) {
      if (p.name().isPresent()) {
        out.add(new PortMatch.Named(Optional.of(p.protocol()), p.name().get()));
      } else if (p.port().isPresent()) {
        int start = p.port().getAsInt();
        int end = p.endPort().orElse(start);
        out.add(new PortMatch.Numbered(p.protocol(), PortSet.range(start, end)));
      } else {
        out.add(new PortMatch.Numbered(p.protocol(), PortSet.ALL));
      }
    }
    return List.copyOf(out);
  }
}
