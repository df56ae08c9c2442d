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
 * NP002: one NetworkPolicy peer with a namespaceSelector AND a podSelector, where two peers (OR)
 * were likely meant.
 *
 * <p>Heuristic: the peer sets both selectors, its namespaceSelector is not empty, the combination
 * selects no workload of the input, but each half alone selects some: the namespaceSelector selects
 * namespaces with workloads, and the podSelector selects workloads in the policy's own namespace
 * (where a podSelector-only peer looks). That is what the YAML indentation mistake ({@code
 * podSelector} written without its own {@code -}) produces.
 */
final class PeerAndVersusOr implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP002",
          "peer-and-vs-or",
          Severity.WARNING,
          "A peer combines namespaceSelector AND podSelector, where two peers (OR) were likely"
              + " meant.",
          "In one peer, namespaceSelector and podSelector are ANDed: pods matching the podSelector"
              + " inside namespaces matching the namespaceSelector. Written as two list items"
              + " (\"- namespaceSelector\" and \"- podSelector\") they are ORed. When the"
              + " combination selects nothing but each half selects something, the peer was"
              + " probably meant as two: add the missing \"-\" before podSelector.",
          Set.of(),
          Set.of(PeerSelectsNothing.INFO.id()));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    for (PolicyPeer pp : PolicyPeer.all(in)) {
      if (!(pp.peer() instanceof NetworkPolicy.SelectorPeer s)
          || s.namespaceSelector().isEmpty()
          || s.podSelector().isEmpty()
          || s.namespaceSelector().get().isEmpty()) {
        continue;
      }
      LabelSelector ns = s.namespaceSelector().get();
      LabelSelector pods = s.podSelector().get();
      NamespaceMatch.Selected selected = new NamespaceMatch.Selected(ns);
      NamespaceMatch own = new NamespaceMatch.Named(pp.policy().namespace());
      BitSet both = Selection.select(in, selected, pods);
      BitSet nsOnly = Selection.select(in, selected, LabelSelector.ALL);
      BitSet podOnly = Selection.select(in, own, pods);
      if (!both.isEmpty() || nsOnly.isEmpty() || podOnly.isEmpty()) {
        continue;
      }
      out.add(
          new Finding(
              INFO,
              pp.policy().source().locate(pp.pointer()),
              pp.policy().source().displayName(),
              pp.pointer(),
              pp.label()
                  + " selects pods matching "
                  + Text.selector(pods)
                  + " AND in namespaces matching "
                  + Text.selector(ns)
                  + ": no workload is both, but namespaces "
                  + Text.list(Selection.namespaces(in, selected))
                  + " and pods "
                  + in.workloadList(podOnly)
                  + " exist apart; did you mean two peers (OR)?",
              "write podSelector as its own list item (\"- podSelector: ...\") to allow either,"
                  + " or fix the labels if both must hold"));
    }
    return out;
  }
}
