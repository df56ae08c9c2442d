package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.Severity;
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
 * NP004: a policy (or a rule of a Cilium policy with {@code specs}) whose subject selects no
 * workload of the input, judged as {@link Selection} says.
 */
final class PolicySelectsNoPods implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP004",
          "policy-selects-no-pods",
          Severity.WARNING,
          "A policy's subject selects no workload of the input.",
          "A policy that selects no pod has no effect: usually a label typo, a selector written"
              + " for another namespace, or a policy left behind by a removed workload. Fix the"
              + " selector (compare it with the workloads' pod template labels) or delete the"
              + " policy.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    for (NetworkPolicy p : in.networkPolicies()) {
      EndpointSelector s =
          new EndpointSelector(new NamespaceMatch.Named(p.namespace()), p.podSelector());
      add(in, p.source(), "/spec/podSelector", s, out);
    }
    for (CiliumPolicy p : in.ciliumPolicies()) {
      for (CiliumPolicy.Rule r : p.rules()) {
        add(in, p.source(), r.pointer() + "/endpointSelector", r.subject(), out);
      }
    }
    for (AdminNetworkPolicy p : in.adminPolicies()) {
      add(in, p.source(), "/spec/subject", subject(p.subject()), out);
    }
    for (BaselineAdminNetworkPolicy p : in.baselinePolicies()) {
      add(in, p.source(), "/spec/subject", subject(p.subject()), out);
    }
    return out;
  }

  private static EndpointSelector subject(AdminNetworkPolicy.Subject s) {
    return new EndpointSelector(
        new NamespaceMatch.Selected(s.namespaceSelector()), s.podSelector());
  }

  private static void add(
      LintInput in, KubeObject o, String pointer, EndpointSelector s, List<Finding> out) {
    Optional<String> why = Selection.whyEmpty(in, s);
    if (why.isEmpty()) {
      return;
    }
    out.add(
        new Finding(
            INFO,
            o.locate(pointer),
            o.displayName(),
            pointer,
            o.displayName() + " selects no workload: " + why.get(),
            "fix the subject selector to match the workloads' labels, or delete the policy"));
  }
}
