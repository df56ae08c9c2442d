package dev.gatehouse.netpol.lint;

import dev.gatehouse.kube.Severity;
import dev.gatehouse.netpol.engine.EngineProfile;
import java.util.Set;

/**
 * What a lint rule is, as the catalogue and the reports show it.
 *
 * @param id the stable id, e.g. {@code NP001}; never reused for another meaning
 * @param name the stable short name, e.g. {@code egress-dns-blocked}
 * @param severity the default severity of its findings
 * @param summary one line: what it catches
 * @param help why it matters and how to fix it (SARIF help text)
 * @param profiles the engine profiles it runs under (all when empty)
 * @param supersedes rules whose finding at the same place this rule's finding replaces (it says the
 *     same thing more precisely)
 */
public record RuleInfo(
    String id,
    String name,
    Severity severity,
    String summary,
    String help,
    Set<EngineProfile> profiles,
    Set<String> supersedes) {

  /** Copies the sets. */
  public RuleInfo {
    profiles = Set.copyOf(profiles);
    supersedes = Set.copyOf(supersedes);
  }

  /** A rule that runs under every profile and supersedes none. */
  public RuleInfo(String id, String name, Severity severity, String summary, String help) {
    this(id, name, severity, summary, help, Set.of(), Set.of());
  }

  /** Whether the rule runs under {@code profile}. */
  public boolean appliesTo(EngineProfile profile) {
    return profiles.isEmpty() || profiles.contains(profile);
  }

  /** {@code NP001 egress-dns-blocked}. */
  public String label() {
    return id + " " + name;
  }
}
