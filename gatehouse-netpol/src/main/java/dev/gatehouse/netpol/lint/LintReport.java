package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Severity;
import java.util.List;

/**
 * The result of a lint run.
 *
 * @param findings the findings, sorted by file, line, rule id and message
 * @param rules the rules that ran, in catalogue order
 * @param objects the number of objects linted
 */
public record LintReport(List<Finding> findings, List<RuleInfo> rules, int objects) {
  /** Copies the lists. */
  public LintReport {
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
  }

  /** The number of findings of severity {@code s}. */
  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /** Whether some finding is at or above {@code threshold}. */
  public boolean fails(Severity threshold) {
    return findings.stream().anyMatch(f -> f.atLeast(threshold));
  }
}
