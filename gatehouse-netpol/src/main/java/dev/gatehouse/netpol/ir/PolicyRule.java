package dev.gatehouse.netpol.ir;

import dev.gatehouse.netpol.l7.L7Rules;
import java.util.List;

/**
 * One compiled rule.
 *
 * @param priority the ANP priority (lower wins); 0 in other tiers
 * @param order the rule's position inside its policy (first match wins in ADMIN and BASELINE)
 * @param peers the peers the rule matches (any of them)
 * @param ports the port clauses (any of them); empty means every port of every protocol
 * @param l7 the L7 rules that restrict what the rule allows on its ports ({@link L7Rules#NONE}:
 *     plain L4); only allow-tier rules carry them
 */
public record PolicyRule(
    Tier tier,
    int priority,
    int order,
    Direction direction,
    EndpointSelector subject,
    List<PeerMatch> peers,
    List<PortMatch> ports,
    Action action,
    RuleOrigin origin,
    L7Rules l7) {

  /** A rule without L7 rules. */
  public PolicyRule(
      Tier tier,
      int priority,
      int order,
      Direction direction,
      EndpointSelector subject,
      List<PeerMatch> peers,
      List<PortMatch> ports,
      Action action,
      RuleOrigin origin) {
    this(tier, priority, order, direction, subject, peers, ports, action, origin, L7Rules.NONE);
  }
}
