package dev.gatehouse.netpol.lint;

import dev.gatehouse.netpol.engine.EngineProfile;
import java.util.Set;

/**
 * Options of a lint run.
 *
 * @param profile the implementation to follow where implementations differ
 * @param disabled ids of rules not to run (validated with {@link RuleCatalog#unknownIds})
 */
public record LintOptions(EngineProfile profile, Set<String> disabled) {
  /** Every rule, default profile. */
  public static final LintOptions DEFAULT = new LintOptions(EngineProfile.DEFAULT, Set.of());

  /** Copies the set. */
  public LintOptions {
    disabled = Set.copyOf(disabled);
  }
}
