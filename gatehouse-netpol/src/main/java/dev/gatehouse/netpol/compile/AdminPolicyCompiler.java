package dev.gatehouse.netpol.compile;

import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import dev.gatehouse.netpol.ir.PeerMatch;
import dev.gatehouse.netpol.ir.PolicyRule;
import dev.gatehouse.netpol.ir.PortMatch;
import dev.gatehouse.netpol.ir.RuleOrigin;
import dev.gatehouse.netpol.ir.Tier;
import dev.gatehouse.netpol.model.AdminNetworkPolicy;
import dev.gatehouse.netpol.model.AdminPolicies;
import dev.gatehouse.netpol.model.BaselineAdminNetworkPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Compiles AdminNetworkPolicies into {@link Tier#ADMIN} rules (with their priority) and the
 * BaselineAdminNetworkPolicy into {@link Tier#BASELINE} rules.
 *
 * <p>Neither kind isolates anything: its rules are read as written (API overview, "ANP rules should
 * be read as-is"), so a subject that no rule matches is left to the lower tiers. The engine orders
 * admin rules by priority, then rule order, and lets the first match decide (see {@code
 * TierEvaluator}). A {@code namedPort} carries no protocol: it resolves on the destination pod's
 * container port of that name, with that port's protocol; towards addresses it matches nothing.
 */
public final class AdminPolicyCompiler {
  private AdminPolicyCompiler() {}

  /** Adds the rules of every accepted admin policy to {@code rules}. */
  public static void compile(AdminPolicies policies, List<PolicyRule> rules) {
    for (AdminNetworkPolicy p : policies.admin()) {
      Policy policy =
          new Policy(
              Tier.ADMIN, p.priority(), "AdminNetworkPolicy", p.name(), p.subject(), p.source());
      policy.add(Direction.INGRESS, p.ingress(), rules);
      policy.add(Direction.EGRESS, p.egress(), rules);
    }
    if (policies.baseline().isPresent()) {
      BaselineAdminNetworkPolicy b = policies.baseline().get();
      Policy policy =
          new Policy(
              Tier.BASELINE, 0, "BaselineAdminNetworkPolicy", b.name(), b.subject(), b.source());
      policy.add(Direction.INGRESS, b.ingress(), rules);
      policy.add(Direction.EGRESS, b.egress(), rules);
    }
  }

  /** What the rules of one policy share. */
  private record Policy(
      Tier tier,
      int priority,
      String kind,
      String name,
      AdminNetworkPolicy.Subject subject,
      KubeObject source) {

    void add(Direction d, List<AdminNetworkPolicy.Rule> list, List<PolicyRule> out) {
      EndpointSelector selector = selector(subject.namespaceSelector(), subject.podSelector());
      for (AdminNetworkPolicy.Rule r : list) {
        String label =
            d.title()
                + " rule #"
                + (r.index() + 1)
                + (r.name().isEmpty() ? "" : " (" + r.name() + ")");
        RuleOrigin origin = new RuleOrigin(kind, name, label, source.locate(r.pointer()), r.name());
        out.add(
            new PolicyRule(
                tier,
                priority,
                r.index(),
                d,
                selector,
                r.peers().stream().map(AdminPolicyCompiler::peer).toList(),
                r.ports().stream().map(AdminPolicyCompiler::port).toList(),
                r.action(),
                origin));
      }
    }
  }

  private static EndpointSelector selector(LabelSelector namespaces, LabelSelector pods) {
    return new EndpointSelector(new NamespaceMatch.Selected(namespaces), pods);
  }

  private static PeerMatch peer(AdminNetworkPolicy.Peer p) {
    return switch (p) {
      case AdminNetworkPolicy.PodPeer pods ->
          new PeerMatch.Pods(selector(pods.namespaceSelector(), pods.podSelector()));
      case AdminNetworkPolicy.NetworkPeer net -> new PeerMatch.Addresses(net.addresses());
    };
  }

  private static PortMatch port(AdminNetworkPolicy.Port p) {
    return switch (p) {
      case AdminNetworkPolicy.PortNumber n ->
          new PortMatch.Numbered(n.protocol(), PortSet.of(n.port()));
      case AdminNetworkPolicy.PortRange r ->
          new PortMatch.Numbered(r.protocol(), PortSet.range(r.start(), r.end()));
      case AdminNetworkPolicy.NamedPort n -> new PortMatch.Named(Optional.empty(), n.name());
    };
  }
}
