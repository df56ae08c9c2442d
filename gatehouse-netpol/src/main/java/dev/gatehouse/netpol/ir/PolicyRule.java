package dev.gatehouse.netpol.ir;

import java.util.List;

/**
 * One compiled rule.
 *
 * @param priority the ANP priority (lower wins); 0 in other tiers
 * @param order the rule's position inside its policy (first match wins in ADMIN and BASELINE)
 * @param peers the peers the rule matches (any of them)
 * @param ports the port clauses (any of them); empty means every port of every protocol
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
    RuleOrigin origin) {}
