package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.ContainerPort;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.engine.Identity;
import dev.gatehouse.netpol.engine.RuleInspector;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.PeerMatch;
import dev.gatehouse.netpol.ir.PortMatch;
import dev.gatehouse.netpol.ir.RuleOrigin;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * NP008: a named port that none of the rule's destination workloads exposes. The destinations are
 * the subjects for an ingress rule and the matched workloads for an egress rule; a rule whose
 * destinations are all addresses is reported too, since named ports resolve on pods only. A rule
 * without any destination workload in the input is left to NP004/NP005.
 */
final class NamedPortUnresolved implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP008",
          "named-port-unresolved",
          Severity.WARNING,
          "A named port that no destination workload exposes.",
          "A named port resolves on each destination pod's container ports; when no destination"
              + " declares a port of that name (and protocol), the port clause matches nothing."
              + " Usually the name differs from the containerPort's name, or the port is declared"
              + " with another protocol. Use the exact container port name, or a port number.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    RuleInspector rules = in.inspector();
    for (RuleInspector.Matched m : rules.rules()) {
      List<PortMatch.Named> named =
          m.rule().ports().stream()
              .filter(p -> p instanceof PortMatch.Named)
              .map(p -> (PortMatch.Named) p)
              .toList();
      if (named.isEmpty()) {
        continue;
      }
      BitSet dests = m.subjects();
      if (m.rule().direction() == Direction.EGRESS) {
        dests = m.peers();
        dests.clear(rules.identityCount(), Math.max(rules.identityCount(), dests.length()));
      }
      boolean towardsPods =
          m.rule().peers().stream()
              .anyMatch(p -> p instanceof PeerMatch.Pods || p instanceof PeerMatch.Everything);
      if (dests.isEmpty() && (m.rule().direction() == Direction.INGRESS || towardsPods)) {
        continue;
      }
      for (PortMatch.Named n : named) {
        if (exposed(in, dests, n) || !seen.add(m.rule().origin() + "\u0000" + n.name())) {
          continue;
        }
        out.add(finding(in, m.rule().origin(), n, dests));
      }
    }
    return out;
  }

  private static boolean exposed(LintInput in, BitSet dests, PortMatch.Named n) {
    for (int i = dests.nextSetBit(0); i >= 0; i = dests.nextSetBit(i + 1)) {
      for (ContainerPort cp : in.identities().get(i).ports()) {
        if (cp.name().equals(n.name()) && protocolMatches(n, cp)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean protocolMatches(PortMatch.Named n, ContainerPort cp) {
    Protocol p = Protocol.parse(cp.protocol()).orElse(Protocol.TCP);
    return n.protocol().isEmpty() || n.protocol().get() == p;
  }

  private static Finding finding(LintInput in, RuleOrigin origin, PortMatch.Named n, BitSet dests) {
    KubeObject o = in.objectOf(origin);
    String what =
        "named port \"" + n.name() + "\"" + n.protocol().map(p -> " (" + p + ")").orElse("");
    String message;
    if (dests.isEmpty()) {
      message =
          origin.policyLabel()
              + " "
              + origin.rule()
              + ": "
              + what
              + " towards addresses matches nothing (named ports resolve on pods only)";
    } else {
      TreeSet<String> otherProtocols = new TreeSet<>();
      for (int i = dests.nextSetBit(0); i >= 0; i = dests.nextSetBit(i + 1)) {
        Identity id = in.identities().get(i);
        id.ports().stream()
            .filter(cp -> cp.name().equals(n.name()))
            .forEach(cp -> otherProtocols.add(cp.protocol()));
      }
      message =
          origin.policyLabel()
              + " "
              + origin.rule()
              + ": "
              + what
              + " is exposed by none of its destinations ("
              + in.workloadList(dests)
              + ")"
              + (otherProtocols.isEmpty()
                  ? ""
                  : "; they declare it as " + String.join("/", otherProtocols) + " only");
    }
    return new Finding(
        INFO,
        origin.location(),
        o.displayName(),
        "",
        message,
        "use the containerPort name the destination pods declare, or the port number");
  }
}
