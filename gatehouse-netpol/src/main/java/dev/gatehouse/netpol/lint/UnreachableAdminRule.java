package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.engine.RuleInspector;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.RuleOrigin;
import dev.gatehouse.netpol.ir.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * NP010: an AdminNetworkPolicy or BaselineAdminNetworkPolicy rule that is never reached, because
 * for every (subject, peer, connection) it matches, a rule earlier in the first-match order
 * (AdminNetworkPolicies by priority, then rule order; the baseline's rules in order) matches first.
 */
final class UnreachableAdminRule implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP010",
          "admin-rule-unreachable",
          Severity.WARNING,
          "An (Baseline)AdminNetworkPolicy rule is never reached: earlier rules match all its"
              + " traffic first.",
          "Admin rules are evaluated by priority (lower first), then in rule order, and the first"
              + " match decides. A rule whose traffic is all matched by earlier rules never takes"
              + " effect: its action (often a Deny or Pass meant as an exception) is dead. Move"
              + " the rule before the broader one, give its policy a lower priority number, or"
              + " narrow the earlier rule.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    Coverage coverage = new Coverage(in.inspector());
    for (Tier tier : List.of(Tier.ADMIN, Tier.BASELINE)) {
      for (Direction d : Direction.values()) {
        List<Coverage.Entry> earlier = new ArrayList<>();
        for (RuleInspector.Matched m : in.inspector().rules()) {
          if (m.rule().tier() != tier || m.rule().direction() != d) {
            continue;
          }
          Coverage.Entry e = Coverage.Entry.of(m);
          Optional<Set<String>> by = coverage.coveredBy(e, earlier);
          if (by.isPresent()) {
            RuleOrigin o = m.rule().origin();
            out.add(
                new Finding(
                    INFO,
                    o.location(),
                    in.objectOf(o).displayName(),
                    "",
                    e.label()
                        + " ("
                        + m.rule().action().name().charAt(0)
                        + m.rule().action().name().substring(1).toLowerCase(java.util.Locale.ROOT)
                        + ") is never reached: "
                        + Text.list(List.copyOf(by.get()))
                        + (by.get().size() > 1 ? " match" : " matches")
                        + " all of its traffic first",
                    "move the rule before the rules that shadow it (or lower its policy's priority"
                        + " number), or narrow those rules"));
          }
          earlier.add(e);
        }
      }
    }
    return out;
  }
}
