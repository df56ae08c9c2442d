package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Severity;
import dev.gatehouse.kube.SourceLocation;

/**
 * One lint finding.
 *
 * @param rule the rule that found it
 * @param location the file and line of the field concerned
 * @param object the object concerned, {@code Kind ns/name} (or {@code Namespace name})
 * @param pointer JSON pointer of the field inside the object ("" for the object itself)
 * @param message what is wrong, naming policies, rules and workloads
 * @param hint how to fix it
 */
public record Finding(
    RuleInfo rule,
    SourceLocation location,
    String object,
    String pointer,
    String message,
    String hint) {

  /** The rule's default severity. */
  public Severity severity() {
    return rule.severity();
  }

  /** Whether this finding is at or above {@code threshold} (ERROR above WARNING above INFO). */
  public boolean atLeast(Severity threshold) {
    return severity().ordinal() <= threshold.ordinal();
  }
}
