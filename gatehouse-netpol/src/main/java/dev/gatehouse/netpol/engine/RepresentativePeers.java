package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.kube.Namespace;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import dev.gatehouse.netpol.ir.PeerMatch;
import dev.gatehouse.netpol.ir.PolicyRule;
import dev.gatehouse.netpol.ir.Tier;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The representative peers of a compiled network: one per distinct pair of namespace and pod
 * selectors that policy rules name, standing for the pods those selectors would select, including
 * pods that do not exist yet.
 *
 * <p>Design note (netpol-analyzer {@code exposure.go}, {@code resources.go addRepresentativePod},
 * {@code netpol.go getSelectorsAndUpdateExposureClusterWideConns}):
 *
 * <ul>
 *   <li>Rules that select the entire cluster (no peers; an empty namespace selector with an empty
 *       or absent pod selector) generate no representative peer. In a NetworkPolicy, one such peer
 *       makes the whole rule cluster-wide, so its other selector peers generate none either.
 *   <li>A NetworkPolicy peer without namespace selector stands for pods in the policy's namespace:
 *       its namespace selector is that namespace's name label, and it remembers the namespace.
 *   <li>Peers are unique by their {@link SelectorRequirements}; the first rule (in input order:
 *       policy, ingress before egress, rule order) gives the selectors that are printed.
 *   <li>A peer whose selectors are non-empty {@code matchLabels} only is dropped when an existing
 *       workload matches both: that workload is reported instead.
 *   <li>A rule matches a representative peer when each of its selectors is empty or has the same
 *       requirements; a rule without namespace selector matches only peers of its namespace.
 *       NetworkPolicies never select representative peers as subjects; admin policies do, by the
 *       same matching.
 * </ul>
 */
final class RepresentativePeers {
  private RepresentativePeers() {}

  /**
   * One representative peer with the rules that match it.
   *
   * @param namespace the policy namespace of a peer from a rule without namespace selector
   * @param peerRules the indexes of the rules whose peers match this peer
   * @param subjectRules the indexes of the admin rules whose subject matches this peer
   */
  record Rep(
      ExposureTarget.Representative peer,
      Optional<String> namespace,
      BitSet peerRules,
      BitSet subjectRules) {}

  /** The representative peers of {@code net}, with the rules matching each. */
  static List<Rep> of(CompiledNetwork net) {
    Map<String, Rep> byKey = new LinkedHashMap<>();
    for (IndexedRule r : inputOrder(net.rules())) {
      for (Rep rep : generated(r.rule())) {
        byKey.putIfAbsent(key(rep.peer()), rep);
      }
    }
    List<Rep> out = new ArrayList<>();
    for (Rep rep : byKey.values()) {
      if (!matchedByWorkload(rep.peer(), net.identities())) {
        out.add(withRules(rep, net.rules()));
      }
    }
    return List.copyOf(out);
  }

  /** Whether {@code p} stands for every pod of the cluster. */
  static boolean selectsEntireCluster(PeerMatch p) {
    return switch (p) {
      case PeerMatch.Everything e -> true;
      case PeerMatch.Pods pods ->
          pods.selector().namespaces() instanceof NamespaceMatch.Selected s
              && s.selector().isEmpty()
              && pods.selector().pods().isEmpty();
      default -> false;
    };
  }

  private static List<Rep> generated(PolicyRule r) {
    boolean admin = r.tier() == Tier.ADMIN || r.tier() == Tier.BASELINE;
    if (!admin && r.peers().stream().anyMatch(RepresentativePeers::selectsEntireCluster)) {
      return List.of();
    }
    List<Rep> out = new ArrayList<>();
    for (PeerMatch p : r.peers()) {
      if (p instanceof PeerMatch.Pods pods && !selectsEntireCluster(p)) {
        EndpointSelector s = pods.selector();
        ExposureTarget.Representative peer =
            switch (s.namespaces()) {
              case NamespaceMatch.Named n ->
                  new ExposureTarget.Representative(
                      LabelSelector.of(Map.of(Namespace.NAME_LABEL, n.name())), s.pods());
              case NamespaceMatch.Selected sel ->
                  new ExposureTarget.Representative(sel.selector(), s.pods());
            };
        Optional<String> ns =
            s.namespaces() instanceof NamespaceMatch.Named n
                ? Optional.of(n.name())
                : Optional.empty();
        out.add(new Rep(peer, ns, new BitSet(), new BitSet()));
      }
    }
    return out;
  }

  private static String key(ExposureTarget.Representative peer) {
    return SelectorRequirements.of(peer.namespaces()) + "/" + SelectorRequirements.of(peer.pods());
  }

  /** Rules in the order netpol-analyzer reads them: by policy position, ingress first. */
  private static List<IndexedRule> inputOrder(List<IndexedRule> rules) {
    Map<String, Integer> firstLine = new HashMap<>();
    for (IndexedRule r : rules) {
      firstLine.merge(policyKey(r), r.rule().origin().location().line(), Math::min);
    }
    List<IndexedRule> out = new ArrayList<>(rules);
    out.sort(
        Comparator.<IndexedRule, String>comparing(r -> r.rule().origin().location().file())
            .thenComparingInt(r -> firstLine.getOrDefault(policyKey(r), 0))
            .thenComparing(RepresentativePeers::policyKey)
            .thenComparing(r -> r.rule().direction())
            .thenComparingInt(r -> r.rule().order()));
    return out;
  }

  private static String policyKey(IndexedRule r) {
    return r.rule().origin().kind() + "/" + r.rule().origin().policy();
  }

  /** Whether an existing workload matches a peer of plain, non-empty {@code matchLabels}. */
  private static boolean matchedByWorkload(
      ExposureTarget.Representative peer, IdentityTable identities) {
    LabelSelector ns = peer.namespaces();
    LabelSelector pods = peer.pods();
    if (!ns.expressions().isEmpty()
        || !pods.expressions().isEmpty()
        || ns.matchLabels().isEmpty()
        || pods.matchLabels().isEmpty()) {
      return false;
    }
    for (Identity i : identities.identities()) {
      if (!i.members().isEmpty() && ns.matches(i.namespaceLabels()) && pods.matches(i.labels())) {
        return true;
      }
    }
    return false;
  }

  private static Rep withRules(Rep rep, List<IndexedRule> rules) {
    BitSet peerRules = new BitSet();
    BitSet subjectRules = new BitSet();
    for (IndexedRule r : rules) {
      if (r.rule().peers().stream().anyMatch(p -> peerMatches(p, rep))) {
        peerRules.set(r.index());
      }
      Tier t = r.rule().tier();
      if ((t == Tier.ADMIN || t == Tier.BASELINE) && selectorMatches(r.rule().subject(), rep)) {
        subjectRules.set(r.index());
      }
    }
    return new Rep(rep.peer(), rep.namespace(), peerRules, subjectRules);
  }

  private static boolean peerMatches(PeerMatch p, Rep rep) {
    return switch (p) {
      case PeerMatch.Everything e -> true;
      case PeerMatch.Pods pods -> selectorMatches(pods.selector(), rep);
      default -> false;
    };
  }

  private static boolean selectorMatches(EndpointSelector s, Rep rep) {
    boolean ns =
        switch (s.namespaces()) {
          case NamespaceMatch.Named n -> rep.namespace().equals(Optional.of(n.name()));
          case NamespaceMatch.Selected sel ->
              SelectorRequirements.fullyMatches(sel.selector(), rep.peer().namespaces());
        };
    return ns && SelectorRequirements.fullyMatches(s.pods(), rep.peer().pods());
  }
}
