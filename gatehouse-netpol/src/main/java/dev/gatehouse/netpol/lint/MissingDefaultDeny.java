package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Severity;
import dev.gatehouse.kube.SourceLocation;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.engine.Identity;
import dev.gatehouse.netpol.engine.RuleInspector;
import dev.gatehouse.netpol.ir.Action;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import dev.gatehouse.netpol.ir.PeerMatch;
import dev.gatehouse.netpol.ir.PolicyRule;
import dev.gatehouse.netpol.ir.Tier;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * NP012: a namespace with workloads where some workload is not under a default deny in a direction.
 * A workload is under default deny when a policy isolates it in that direction (NetworkPolicy
 * policyTypes, Cilium default deny) or an admin rule denies that direction from/to every pod on
 * every port. One finding per namespace and direction, located at the first workload left open. The
 * system namespaces kube-system, kube-public and kube-node-lease are not judged.
 */
final class MissingDefaultDeny implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP012",
          "namespace-without-default-deny",
          Severity.WARNING,
          "A namespace has workloads that no default-deny policy covers (per direction).",
          "Without a default deny, a pod that no policy selects accepts (ingress) or opens"
              + " (egress) every connection, and every new workload starts open. Add a default-deny"
              + " NetworkPolicy to the namespace (podSelector: {}, policyTypes: [Ingress] or"
              + " [Egress], no rules) and allow what is needed on top of it.");

  private static final Set<String> SYSTEM = Set.of("kube-system", "kube-public", "kube-node-lease");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    BitSet[] denied = new BitSet[Direction.values().length];
    for (Direction d : Direction.values()) {
      denied[d.ordinal()] = denyAllSubjects(in, d);
    }
    for (String ns : in.snapshot().namespaces().keySet()) {
      if (SYSTEM.contains(ns) || !in.hasWorkloads(ns)) {
        continue;
      }
      for (Direction d : Direction.values()) {
        BitSet denyAll = denied[d.ordinal()];
        BitSet open = new BitSet();
        for (Identity id : in.identities().identities()) {
          if (id.namespace().equals(ns)
              && !id.members().isEmpty()
              && !in.inspector().isolated(d, id.id())
              && !denyAll.get(id.id())) {
            open.set(id.id());
          }
        }
        if (!open.isEmpty()) {
          out.add(finding(in, ns, d, open));
        }
      }
    }
    return out;
  }

  /** The identities an admin rule denies {@code d} to/from every pod on every port. */
  private static BitSet denyAllSubjects(LintInput in, Direction d) {
    BitSet out = new BitSet();
    for (RuleInspector.Matched m : in.inspector().rules()) {
      PolicyRule r = m.rule();
      if (r.direction() == d
          && (r.tier() == Tier.ADMIN || r.tier() == Tier.BASELINE)
          && r.action() == Action.DENY
          && r.ports().isEmpty()
          && r.peers().stream().anyMatch(MissingDefaultDeny::allPods)) {
        out.or(m.subjects());
      }
    }
    return out;
  }

  private static boolean allPods(PeerMatch p) {
    return p instanceof PeerMatch.Everything
        || (p instanceof PeerMatch.Pods pods
            && pods.selector().namespaces().equals(NamespaceMatch.ANY)
            && pods.selector().pods().isEmpty());
  }

  private static Finding finding(LintInput in, String ns, Direction d, BitSet open) {
    List<String> keys = in.workloadKeys(open);
    SourceLocation at =
        in.snapshot().workloads().stream()
            .filter(w -> keys.contains(w.key()))
            .map(Workload::location)
            .findFirst()
            .orElse(in.firstWorkloadLocation(ns));
    String dir = d.title().toLowerCase(Locale.ROOT);
    return new Finding(
        INFO,
        at,
        "Namespace " + ns,
        "/" + dir,
        "namespace "
            + ns
            + " has no default-deny "
            + dir
            + " policy: "
            + Text.list(keys)
            + (keys.size() > 1 ? " are" : " is")
            + " not isolated for "
            + dir,
        "add a NetworkPolicy in "
            + ns
            + " with podSelector: {} and policyTypes: ["
            + d.title()
            + "] (and no "
            + dir
            + " rules)");
  }
}
