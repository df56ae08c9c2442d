package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import dev.gatehouse.netpol.model.AdminNetworkPolicy;
import dev.gatehouse.netpol.model.BaselineAdminNetworkPolicy;
import dev.gatehouse.netpol.model.CiliumPolicy;
import dev.gatehouse.netpol.model.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NP005: a rule peer (pods by namespace and pod selectors) that selects no workload of the input,
 * judged as {@link Selection} says. NetworkPolicy peers are located at the peer; admin and Cilium
 * peers at their rule.
 */
final class PeerSelectsNothing implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP005",
          "peer-selects-nothing",
          Severity.WARNING,
          "A rule peer selects no namespace or no pod of the input.",
          "A peer that selects nothing allows (or denies) nothing: usually a label typo, a"
              + " namespace label that the namespaces do not carry (namespaces always have"
              + " kubernetes.io/metadata.name), or a podSelector that looks in the wrong"
              + " namespace. Fix the selector, or remove the peer.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    for (PolicyPeer pp : PolicyPeer.all(in)) {
      if (pp.peer() instanceof NetworkPolicy.SelectorPeer s) {
        NamespaceMatch ns =
            s.namespaceSelector()
                .<NamespaceMatch>map(NamespaceMatch.Selected::new)
                .orElse(new NamespaceMatch.Named(pp.policy().namespace()));
        EndpointSelector sel = new EndpointSelector(ns, s.podSelector().orElse(LabelSelector.ALL));
        add(in, pp.policy().source(), pp.pointer(), pp.label(), sel, out);
      }
    }
    for (AdminNetworkPolicy p : in.adminPolicies()) {
      admin(in, p.source(), Direction.INGRESS, p.ingress(), out);
      admin(in, p.source(), Direction.EGRESS, p.egress(), out);
    }
    for (BaselineAdminNetworkPolicy p : in.baselinePolicies()) {
      admin(in, p.source(), Direction.INGRESS, p.ingress(), out);
      admin(in, p.source(), Direction.EGRESS, p.egress(), out);
    }
    for (CiliumPolicy p : in.ciliumPolicies()) {
      for (CiliumPolicy.Rule r : p.rules()) {
        cilium(in, p.source(), "Ingress", r.ingress(), out);
        cilium(in, p.source(), "IngressDeny", r.ingressDeny(), out);
        cilium(in, p.source(), "Egress", r.egress(), out);
        cilium(in, p.source(), "EgressDeny", r.egressDeny(), out);
      }
    }
    return out;
  }

  private static void admin(
      LintInput in,
      KubeObject o,
      Direction d,
      List<AdminNetworkPolicy.Rule> rules,
      List<Finding> out) {
    for (AdminNetworkPolicy.Rule r : rules) {
      for (int j = 0; j < r.peers().size(); j++) {
        if (r.peers().get(j) instanceof AdminNetworkPolicy.PodPeer pp) {
          EndpointSelector sel =
              new EndpointSelector(
                  new NamespaceMatch.Selected(pp.namespaceSelector()), pp.podSelector());
          String label = d.title() + " rule #" + (r.index() + 1) + " peer #" + (j + 1);
          add(in, o, r.pointer(), label, sel, out);
        }
      }
    }
  }

  private static void cilium(
      LintInput in,
      KubeObject o,
      String what,
      List<CiliumPolicy.Section> sections,
      List<Finding> out) {
    for (CiliumPolicy.Section s : sections) {
      for (CiliumPolicy.Peer p : s.peers()) {
        if (p instanceof CiliumPolicy.EndpointsPeer e) {
          add(in, o, s.pointer(), what + " rule #" + (s.index() + 1), e.selector(), out);
        }
      }
    }
  }

  private static void add(
      LintInput in,
      KubeObject o,
      String pointer,
      String label,
      EndpointSelector sel,
      List<Finding> out) {
    Optional<String> why = Selection.whyEmpty(in, sel);
    if (why.isPresent()) {
      out.add(
          new Finding(
              INFO,
              o.locate(pointer),
              o.displayName(),
              pointer,
              label + " selects nothing: " + why.get(),
              "fix the peer's selectors to match the labels of the namespaces and pods meant,"
                  + " or remove the peer"));
    }
  }
}
