package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.engine.RuleInspector;
import dev.gatehouse.netpol.ir.RuleOrigin;
import dev.gatehouse.netpol.ir.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * NP009: an allow rule (NetworkPolicy or Cilium) or a Cilium deny rule whose every (subject, peer,
 * connection) is already matched by other rules of the same tier and direction, so removing it
 * changes nothing for the input's workloads.
 *
 * <p>Rules are taken in reverse source order (file, line) and a rule found redundant no longer
 * counts for the others, so of two identical rules the later one is reported. Rules with L7 rules
 * neither make nor are made redundant here (NP014 handles L4 rules that bypass L7 rules); a rule
 * that matches nothing is left to NP004/NP005.
 */
final class RedundantRule implements LintRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "NP009",
          "redundant-rule",
          Severity.INFO,
          "A rule allows (or denies) nothing that other rules of the same direction do not"
              + " already.",
          "Allow rules are unioned: a rule whose every peer, port and subject is already covered"
              + " by other rules adds nothing, and often hides a mistake (the narrower rule was"
              + " meant to be the only one, or a selector was meant to differ). Remove the"
              + " redundant rule, or narrow the broader one.");

  private static final Comparator<Coverage.Entry> SOURCE_ORDER =
      Comparator.comparing((Coverage.Entry e) -> origin(e).location().file())
          .thenComparingInt(e -> origin(e).location().line())
          .thenComparing(e -> origin(e).rule());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  private static RuleOrigin origin(Coverage.Entry e) {
    return e.matched().rule().origin();
  }

  @Override
  public List<Finding> check(LintInput in) {
    List<Finding> out = new ArrayList<>();
    Coverage coverage = new Coverage(in.inspector());
    for (Tier tier : List.of(Tier.ALLOW, Tier.DENY)) {
      for (var d : dev.gatehouse.netpol.ir.Direction.values()) {
        List<Coverage.Entry> group = new ArrayList<>();
        for (RuleInspector.Matched m : in.inspector().rules()) {
          if (m.rule().tier() == tier && m.rule().direction() == d && m.rule().l7().isEmpty()) {
            group.add(Coverage.Entry.of(m));
          }
        }
        group.sort(SOURCE_ORDER.reversed());
        Set<Coverage.Entry> flagged = new HashSet<>();
        for (Coverage.Entry e : group) {
          List<Coverage.Entry> others =
              group.stream().filter(o -> o != e && !flagged.contains(o)).toList();
          Optional<Set<String>> by = coverage.coveredBy(e, others);
          if (by.isPresent()) {
            flagged.add(e);
            out.add(finding(in, e, by.get()));
          }
        }
      }
    }
    return out;
  }

  private static Finding finding(LintInput in, Coverage.Entry e, Set<String> by) {
    RuleOrigin o = origin(e);
    return new Finding(
        INFO,
        o.location(),
        in.objectOf(o).displayName(),
        "",
        e.label()
            + " is redundant: everything it "
            + (e.matched().rule().tier() == Tier.DENY ? "denies" : "allows")
            + " is already covered by "
            + Text.list(List.copyOf(by)),
        "remove the rule, or make it differ from the rules that cover it");
  }
}
