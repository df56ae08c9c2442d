package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.engine.RuleInspector;
import dev.gatehouse.netpol.ir.Action;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import dev.gatehouse.netpol.ir.PeerMatch;
import dev.gatehouse.netpol.ir.PolicyRule;
import dev.gatehouse.netpol.ir.RuleOrigin;
import dev.gatehouse.netpol.ir.Tier;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * NP011: an ingress allow rule that admits every port from everywhere: a rule without peers (or
 * with {@code fromEntities: [all]}), or whose peers hold every pod of every namespace and every
 * IPv4 address. For admin policies, whose ingress peers can only be pods, every pod of every
 * namespace is everywhere. A rule limited to some ports is a deliberately public service and is not
 * reported.
 */
final class AllowAllIngress implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP011",
          "allow-all-ingress",
          Severity.WARNING,
          "An ingress rule allows every connection from everywhere.",
          "A rule without a from clause (or from every namespace and 0.0.0.0/0) on every port"
              + " undoes the policy's isolation: anything inside or outside the cluster can reach"
              + " the selected pods on any port. Name the sources (namespaceSelector,"
              + " podSelector, ipBlock) and the ports that are really needed.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    Set<RuleOrigin> seen = new HashSet<>();
    for (RuleInspector.Matched m : in.inspector().rules()) {
      PolicyRule r = m.rule();
      if (r.direction() != Direction.INGRESS
          || r.action() != Action.ALLOW
          || r.tier() == Tier.DENY
          || !r.ports().isEmpty()
          || !everywhere(r)
          || !seen.add(r.origin())) {
        continue;
      }
      BitSet subjects = m.subjects();
      out.add(
          new Finding(
              INFO,
              r.origin().location(),
              in.objectOf(r.origin()).displayName(),
              "",
              r.origin().policyLabel()
                  + " "
                  + r.origin().rule()
                  + " allows every connection from everywhere"
                  + (subjects.isEmpty() ? "" : " to " + in.workloadList(subjects)),
              "restrict the rule to the sources and ports that need access"));
    }
    return out;
  }

  private static boolean everywhere(PolicyRule r) {
    boolean allPods = false;
    boolean allV4 = false;
    for (PeerMatch p : r.peers()) {
      switch (p) {
        case PeerMatch.Everything e -> {
          return true;
        }
        case PeerMatch.Pods pods ->
            allPods |=
                pods.selector().namespaces().equals(NamespaceMatch.ANY)
                    && pods.selector().pods().isEmpty();
        case PeerMatch.Addresses a -> allV4 |= a.addresses().containsRange(IpRange.ALL_V4);
        default -> {}
      }
    }
    return allPods && (allV4 || r.tier() == Tier.ADMIN || r.tier() == Tier.BASELINE);
  }
}
