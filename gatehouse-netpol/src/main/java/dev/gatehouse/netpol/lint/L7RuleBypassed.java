package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.engine.Identity;
import dev.gatehouse.netpol.engine.RuleInspector;
import dev.gatehouse.netpol.ir.Action;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.PolicyRule;
import dev.gatehouse.netpol.ir.Tier;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * NP014: a Cilium rule with L7 rules on a port that an L4-only allow rule (NetworkPolicy, Cilium
 * without L7, or an AdminNetworkPolicy Allow) also allows for the same subject and peer: Cilium
 * merges the rules of a port and peer, and a similar layer-4 rule makes the L7 rules have no effect
 * ({@code Documentation/security/policy/layer7.rst}), so every request passes.
 */
final class L7RuleBypassed implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP014",
          "cilium-l7-bypassed",
          Severity.WARNING,
          "A Cilium L7 rule is ineffective: an L4-only rule allows the same port for the same"
              + " peer.",
          "Cilium merges every allow rule of a port towards a peer; if one of them has no L7 part,"
              + " the port is not filtered and every HTTP request or DNS query passes, whatever"
              + " the L7 rules say. Remove the port from the L4-only rule (or narrow its peers) so"
              + " that the L7 rule filters the traffic.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    RuleInspector rules = in.inspector();
    List<Coverage.Entry> entries = rules.rules().stream().map(Coverage.Entry::of).toList();
    for (Coverage.Entry r : entries) {
      PolicyRule rule = r.matched().rule();
      if (rule.tier() != Tier.ALLOW || rule.l7().isEmpty()) {
        continue;
      }
      for (Coverage.Entry c : entries) {
        if (bypasses(c, rule)) {
          Optional<String> where = overlap(in, r, c);
          if (where.isPresent()) {
            out.add(finding(in, r, c, where.get()));
            break;
          }
        }
      }
    }
    return out;
  }

  private static boolean bypasses(Coverage.Entry c, PolicyRule l7) {
    PolicyRule r = c.matched().rule();
    return r.direction() == l7.direction()
        && r.action() == Action.ALLOW
        && ((r.tier() == Tier.ALLOW && r.l7().isEmpty()) || r.tier() == Tier.ADMIN);
  }

  /** The first (subject, peer, connections) both rules allow, described, if any. */
  private static Optional<String> overlap(LintInput in, Coverage.Entry r, Coverage.Entry c) {
    RuleInspector rules = in.inspector();
    Direction d = r.matched().rule().direction();
    BitSet subjects = r.subjects();
    subjects.and(c.subjects());
    BitSet peers = r.peers();
    peers.and(c.peers());
    for (int s = subjects.nextSetBit(0); s >= 0; s = subjects.nextSetBit(s + 1)) {
      for (int p = peers.nextSetBit(0); p >= 0; p = peers.nextSetBit(p + 1)) {
        Identity dst = d == Direction.INGRESS ? rules.identityAt(s) : rules.identityAt(p);
        ConnectionSet both = r.matched().conns(dst).intersect(c.matched().conns(dst));
        if (!both.isEmpty()) {
          Identity peer = rules.identityAt(p);
          String subject = in.workloadKeys(single(s)).stream().findFirst().orElse("?");
          String other =
              peer == null
                  ? "a peer outside the workloads"
                  : in.workloadKeys(single(p)).stream().findFirst().orElse("?");
          return Optional.of(
              both
                  + (d == Direction.INGRESS
                      ? " from " + other + " to " + subject
                      : " from " + subject + " to " + other));
        }
      }
    }
    return Optional.empty();
  }

  private static BitSet single(int i) {
    BitSet b = new BitSet();
    b.set(i);
    return b;
  }

  private static Finding finding(LintInput in, Coverage.Entry r, Coverage.Entry c, String where) {
    PolicyRule rule = r.matched().rule();
    return new Finding(
        INFO,
        rule.origin().location(),
        in.objectOf(rule.origin()).displayName(),
        "",
        r.label()
            + " filters "
            + rule.l7()
            + ", but "
            + c.label()
            + " allows "
            + where
            + " without L7 rules, so the L7 rules have no effect there",
        "remove that port from the L4-only rule, or narrow its peers, so the L7 rule applies");
  }
}
