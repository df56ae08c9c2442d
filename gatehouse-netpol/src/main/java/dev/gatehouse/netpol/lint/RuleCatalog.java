package dev.gatehouse.netpol.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lint rules, in id order. Ids and names are API: a rule may be retired but its id is never
 * given to another rule. The catalogue with examples is docs/lint.md.
 */
public final class RuleCatalog {
  private static final List<LintRule> RULES =
      List.of(
          new EgressDnsBlocked(),
          new PeerAndVersusOr(),
          new PeerOrVersusAnd(),
          new PolicySelectsNoPods(),
          new PeerSelectsNothing(),
          new ExceptOutsideCidr(),
          new CidrCoversPods(),
          new NamedPortUnresolved(),
          new RedundantRule(),
          new UnreachableAdminRule(),
          new AllowAllIngress(),
          new MissingDefaultDeny(),
          new AdminPriorityCollision(),
          new L7RuleBypassed(),
          new CiliumCidrCoversPods());

  private RuleCatalog() {}

  /** Every rule. */
  public static List<LintRule> rules() {
    return RULES;
  }

  /** Every rule's catalogue entry. */
  public static List<RuleInfo> infos() {
    return RULES.stream().map(LintRule::info).toList();
  }

  /** The rule with id (e.g. {@code NP001}) or name (e.g. {@code egress-dns-blocked}) {@code s}. */
  public static Optional<RuleInfo> find(String s) {
    return infos().stream().filter(i -> i.id().equals(s) || i.name().equals(s)).findFirst();
  }

  /** The entries of {@code idsOrNames} that name no rule. */
  public static List<String> unknownIds(List<String> idsOrNames) {
    List<String> out = new ArrayList<>();
    for (String s : idsOrNames) {
      if (find(s).isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
