package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import dev.gatehouse.netpol.model.NetworkPolicy;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * NP003: two NetworkPolicy peers, one with only a namespaceSelector and one with only a
 * podSelector, where one combined peer (AND) was likely meant.
 *
 * <p>Heuristic: in one rule, peer A sets only a non-empty namespaceSelector and peer B only a
 * non-empty podSelector; B selects no workload of the policy's own namespace (which has workloads
 * in the input), but B's podSelector does select workloads inside the namespaces A selects. The
 * author probably meant "these pods in those namespaces" and wrote an extra {@code -}, which
 * instead allows every pod of A's namespaces.
 */
final class PeerOrVersusAnd implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP003",
          "peer-or-vs-and",
          Severity.WARNING,
          "A namespaceSelector peer and a podSelector peer are ORed, where one combined peer (AND)"
              + " was likely meant.",
          "Two list items are ORed: the namespaceSelector peer admits every pod of its namespaces,"
              + " and the podSelector peer looks only in the policy's own namespace. When the"
              + " podSelector matches nothing there but matches pods in the other peer's"
              + " namespaces, the two were probably meant as one peer: remove the \"-\" before"
              + " podSelector so both selectors apply together.",
          Set.of(),
          Set.of(PeerSelectsNothing.INFO.id()));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    List<PolicyPeer> peers = PolicyPeer.all(in);
    for (PolicyPeer b : peers) {
      if (!(b.peer() instanceof NetworkPolicy.SelectorPeer pb)
          || pb.namespaceSelector().isPresent()
          || pb.podSelector().isEmpty()
          || pb.podSelector().get().isEmpty()
          || !in.hasWorkloads(b.policy().namespace())) {
        continue;
      }
      LabelSelector pods = pb.podSelector().get();
      if (!Selection.select(in, new NamespaceMatch.Named(b.policy().namespace()), pods).isEmpty()) {
        continue;
      }
      for (PolicyPeer a : peers) {
        if (a.rule() != b.rule()
            || a.direction() != b.direction()
            || !(a.peer() instanceof NetworkPolicy.SelectorPeer pa)
            || pa.podSelector().isPresent()
            || pa.namespaceSelector().isEmpty()
            || pa.namespaceSelector().get().isEmpty()) {
          continue;
        }
        LabelSelector ns = pa.namespaceSelector().get();
        BitSet combined = Selection.select(in, new NamespaceMatch.Selected(ns), pods);
        if (combined.isEmpty()) {
          continue;
        }
        out.add(finding(in, a, b, ns, pods, combined));
        break;
      }
    }
    return out;
  }

  private static Finding finding(
      LintInput in,
      PolicyPeer a,
      PolicyPeer b,
      LabelSelector ns,
      LabelSelector pods,
      BitSet combined) {
    return new Finding(
        INFO,
        b.policy().source().locate(b.pointer()),
        b.policy().source().displayName(),
        b.pointer(),
        b.label()
            + " (podSelector "
            + Text.selector(pods)
            + ") selects nothing in namespace "
            + b.policy().namespace()
            + ", while peer #"
            + (a.index() + 1)
            + " admits every pod of namespaces matching "
            + Text.selector(ns)
            + ", where "
            + in.workloadList(combined)
            + " match the podSelector; did you mean one peer (AND)?",
        "merge the two into one peer (namespaceSelector and podSelector in the same list item)");
  }
}
