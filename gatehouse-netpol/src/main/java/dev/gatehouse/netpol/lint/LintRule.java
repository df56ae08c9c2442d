package dev.gatehouse.netpol.lint;

import java.util.List;

/**
 * A lint rule: its catalogue entry and the check that finds its findings in one input. A check
 * reads the input only and returns its findings in any order (the runner sorts them).
 */
public interface LintRule {
  /** The rule's catalogue entry. */
  RuleInfo info();

  /** The findings of this rule in {@code input}. */
  List<Finding> check(LintInput input);
}
