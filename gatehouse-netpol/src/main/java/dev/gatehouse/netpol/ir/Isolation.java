package dev.gatehouse.netpol.ir;

/**
 * A subject made default-deny in the {@link Tier#ALLOW} tier for one direction, such as every pod a
 * NetworkPolicy selects for a policy type it lists.
 */
public record Isolation(Direction direction, EndpointSelector subject, RuleOrigin origin) {}
