package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.ContainerPort;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.Namespace;
import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.engine.Identity;
import dev.gatehouse.netpol.engine.RuleInspector;
import dev.gatehouse.netpol.ir.Action;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.ir.Isolation;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import dev.gatehouse.netpol.ir.PeerMatch;
import dev.gatehouse.netpol.ir.RuleOrigin;
import dev.gatehouse.netpol.ir.Tier;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NP001: a policy isolates egress of workloads that then cannot reach DNS.
 *
 * <p>DNS counts as reachable from a workload when its own egress side allows UDP 53 or TCP 53 (a)
 * to a kube-dns pod of the input (pods labelled {@code k8s-app=kube-dns} in {@code kube-system}),
 * or, when the input has none, an allow rule applying to it would admit such a pod (with CoreDNS's
 * ports {@code dns} UDP 53 and {@code dns-tcp} TCP 53); or (b) to some IP address (node-local
 * caches and external resolvers are reached by address). The egress verdict is the engine's, so
 * AdminNetworkPolicy and Cilium deny rules count.
 */
final class EgressDnsBlocked implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP001",
          "egress-dns-blocked",
          Severity.WARNING,
          "Egress is default-deny for workloads that cannot reach DNS (UDP/TCP 53).",
          "A policy that isolates egress blocks everything not allowed, DNS included: the selected"
              + " pods cannot resolve names, which usually shows up as timeouts far from the"
              + " policy. Allow UDP and TCP port 53 to kube-dns (namespaceSelector"
              + " kubernetes.io/metadata.name=kube-system, podSelector k8s-app=kube-dns) in a"
              + " policy selecting these pods.");

  private static final String DNS_NAMESPACE = "kube-system";
  private static final Map<String, String> DNS_LABELS = Map.of("k8s-app", "kube-dns");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    Map<RuleOrigin, BitSet> byPolicy = new LinkedHashMap<>();
    for (Isolation i : in.policies().isolations()) {
      if (i.direction() == Direction.EGRESS) {
        byPolicy.computeIfAbsent(i.origin(), o -> new BitSet()).or(in.select(i.subject()));
      }
    }
    DnsReach reach = new DnsReach(in);
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<RuleOrigin, BitSet> e : byPolicy.entrySet()) {
      BitSet blocked = new BitSet();
      BitSet ids = e.getValue();
      for (int s = ids.nextSetBit(0); s >= 0; s = ids.nextSetBit(s + 1)) {
        if (!reach.reaches(s)) {
          blocked.set(s);
        }
      }
      if (blocked.isEmpty()) {
        continue;
      }
      RuleOrigin origin = e.getKey();
      KubeObject o = in.objectOf(origin);
      out.add(
          new Finding(
              INFO,
              origin.location(),
              o.displayName(),
              "",
              origin.policyLabel()
                  + " isolates egress of "
                  + in.workloadList(blocked)
                  + ", and no egress rule lets "
                  + (in.workloadKeys(blocked).size() > 1 ? "them" : "it")
                  + " reach DNS (UDP/TCP 53 to kube-dns or to any address): name lookups fail",
              "allow UDP and TCP port 53 to namespaceSelector"
                  + " kubernetes.io/metadata.name=kube-system, podSelector k8s-app=kube-dns"));
    }
    return out;
  }

  /** Whether a subject's egress side reaches DNS (see the class comment). */
  private static final class DnsReach {
    private final RuleInspector rules;
    private final List<Integer> dnsPods = new ArrayList<>();
    private final Identity hypothetical;
    private final BitSet admittingHypothetical = new BitSet();

    DnsReach(LintInput in) {
      this.rules = in.inspector();
      for (Identity i : in.identities().identities()) {
        if (i.namespace().equals(DNS_NAMESPACE)
            && "kube-dns".equals(i.labels().get("k8s-app"))
            && !i.members().isEmpty()) {
          dnsPods.add(i.id());
        }
      }
      Namespace ns = in.snapshot().namespace(DNS_NAMESPACE);
      this.hypothetical =
          new Identity(
              -1,
              DNS_NAMESPACE,
              ns.labels(),
              DNS_LABELS,
              List.of(new ContainerPort("dns", 53, "UDP"), new ContainerPort("dns-tcp", 53, "TCP")),
              List.of());
      if (dnsPods.isEmpty()) {
        for (RuleInspector.Matched m : rules.rules()) {
          if (admitsHypothetical(m)) {
            admittingHypothetical.or(m.subjects());
          }
        }
      }
    }

    boolean reaches(int subject) {
      for (int d : dnsPods) {
        if (isDns(rules.sideAllowed(Direction.EGRESS, subject, d))) {
          return true;
        }
      }
      if (admittingHypothetical.get(subject)) {
        return true;
      }
      List<IpRange> ranges = rules.ranges(Direction.EGRESS);
      for (int i = 0; i < ranges.size(); i++) {
        int peer = rules.identityCount() + i;
        if (isDns(rules.sideAllowed(Direction.EGRESS, subject, peer))) {
          return true;
        }
      }
      return false;
    }

    /** Whether {@code m} is an egress allow rule that admits DNS to a kube-dns pod. */
    private boolean admitsHypothetical(RuleInspector.Matched m) {
      return m.rule().direction() == Direction.EGRESS
          && m.rule().action() == Action.ALLOW
          && m.rule().tier() != Tier.BASELINE
          && m.rule().peers().stream().anyMatch(this::matchesHypothetical)
          && isDns(m.conns(hypothetical));
    }

    private boolean matchesHypothetical(PeerMatch p) {
      return switch (p) {
        case PeerMatch.Everything e -> true;
        case PeerMatch.Pods pods -> selects(pods.selector());
        default -> false;
      };
    }

    private boolean selects(EndpointSelector s) {
      boolean ns =
          switch (s.namespaces()) {
            case NamespaceMatch.Named n -> n.name().equals(DNS_NAMESPACE);
            case NamespaceMatch.Selected sel ->
                sel.selector().matches(hypothetical.namespaceLabels());
          };
      return ns && s.pods().matches(DNS_LABELS);
    }

    private static boolean isDns(ConnectionSet c) {
      return c.contains(Protocol.UDP, 53) || c.contains(Protocol.TCP, 53);
    }
  }
}
