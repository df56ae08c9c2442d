package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import dev.gatehouse.netpol.model.AdminNetworkPolicy;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * NP013: two AdminNetworkPolicies with the same priority whose subjects overlap: both select a
 * workload of the input, or no label requirement of their selectors rules out a pod that both
 * select. The later policy in the input is reported, naming the earlier one.
 */
final class AdminPriorityCollision implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP013",
          "admin-priority-collision",
          Severity.ERROR,
          "Two AdminNetworkPolicies share a priority and their subjects overlap.",
          "The order of two AdminNetworkPolicies with one priority is undefined, so for pods both"
              + " select the verdict depends on the implementation (netpol-analyzer and Gatehouse"
              + " refuse the second policy). Give each policy its own priority.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    List<AdminNetworkPolicy> all = in.adminPolicies();
    for (int j = 0; j < all.size(); j++) {
      AdminNetworkPolicy b = all.get(j);
      for (int i = 0; i < j; i++) {
        AdminNetworkPolicy a = all.get(i);
        if (a.priority() != b.priority()) {
          continue;
        }
        BitSet shared = in.select(subject(a));
        shared.and(in.select(subject(b)));
        String overlap;
        if (!shared.isEmpty()) {
          overlap = "both select " + in.workloadList(shared);
        } else if (disjoint(a.subject(), b.subject())) {
          continue;
        } else {
          overlap = "their subjects can select the same pods (no label rules that out)";
        }
        out.add(
            new Finding(
                INFO,
                b.source().locate("/spec/priority"),
                b.source().displayName(),
                "/spec/priority",
                b.source().displayName()
                    + " has priority "
                    + b.priority()
                    + ", like "
                    + a.source().displayName()
                    + " ("
                    + a.source().locate("/spec/priority")
                    + "), and "
                    + overlap
                    + ": their order is undefined",
                "give one of the two policies another priority"));
        break;
      }
    }
    return out;
  }

  private static EndpointSelector subject(AdminNetworkPolicy p) {
    return new EndpointSelector(
        new NamespaceMatch.Selected(p.subject().namespaceSelector()), p.subject().podSelector());
  }

  private static boolean disjoint(AdminNetworkPolicy.Subject a, AdminNetworkPolicy.Subject b) {
    return SelectorOverlap.disjoint(a.namespaceSelector(), b.namespaceSelector())
        || SelectorOverlap.disjoint(a.podSelector(), b.podSelector());
  }
}
