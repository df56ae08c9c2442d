package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.IngressRoutes;
import dev.gatehouse.netpol.ir.Action;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.RuleOrigin;
import dev.gatehouse.netpol.ir.Tier;
import java.util.Optional;

/**
 * The sentences of connectivity explanations, worded as netpol-analyzer words them ({@code
 * pkg/netpol/eval/internal/k8s/netpol.go}: {@code allowedByRuleExpl}, {@code
 * notSelectedByRuleExpl}, {@code capturedPeersButUnmatchedConnsExpl}; the admin policies' {@code
 * <kind> '<name>' <verb> connections by <direction> rule <rule name>}); Cilium rules are worded
 * like NetworkPolicy rules.
 */
final class ExplanationReasons {
  /** The system default: what nothing decided is allowed. */
  static final Reason SYSTEM_DEFAULT =
      new Reason(Reason.Effect.DEFAULT, Optional.empty(), "the system default (Allow all)");

  private ExplanationReasons() {}

  /**
   * What a rule that decided did: {@code AdminNetworkPolicy 'a' passes connections by Ingress rule
   * pass-all}, {@code NetworkPolicy 'ns/p' allows connections by Egress rule #2}.
   */
  static Reason decided(IndexedRule r) {
    RuleOrigin o = r.rule().origin();
    Action action = r.rule().action();
    boolean named = r.rule().tier() == Tier.ADMIN || r.rule().tier() == Tier.BASELINE;
    String rule =
        named && !o.name().isEmpty()
            ? r.rule().direction().title() + " rule " + o.name()
            : o.rule();
    return new Reason(
        Reason.Effect.of(action),
        Optional.of(o),
        o.policyLabel() + " " + action.verb() + " connections by " + rule);
  }

  /**
   * An isolating policy none of whose rules selects the peer: {@code NetworkPolicy 'ns/p' selects
   * S, but P is not allowed by any Ingress rule}, with {@code (no rules defined)} when the policy
   * has no rule of the direction.
   */
  static Reason notSelected(
      RuleOrigin policy, Direction d, String subject, String peer, boolean noRules) {
    return new Reason(
        Reason.Effect.ISOLATE,
        Optional.of(policy),
        policy.policyLabel()
            + " selects "
            + subject
            + ", but "
            + peer
            + " is not allowed by any "
            + d.title()
            + " rule"
            + (noRules ? " (no rules defined)" : ""));
  }

  /**
   * An isolating policy whose first rule selecting the peer does not match the connections: the
   * ports differ, or its named ports name no port of the destination.
   */
  static Reason unmatched(RuleOrigin rule, String subject, String peer, boolean namedPorts) {
    return new Reason(
        Reason.Effect.ISOLATE,
        Optional.of(rule),
        rule.policyLabel()
            + " selects "
            + subject
            + ", and "
            + rule.rule()
            + " selects "
            + peer
            + ", but "
            + (namedPorts
                ? "named ports of the rule have no match in the configuration of the destination"
                    + " peer"
                : "the protocols and ports do not match"));
  }

  /** An Ingress or Route object through which the ingress controller reaches the connections. */
  static Reason exposes(IngressExposure e) {
    return new Reason(
        Reason.Effect.ALLOW,
        Optional.of(origin(e)),
        label(e.via()) + " allows ingress connections through service " + e.service());
  }

  /** An Ingress or Route object that exposes the workload, but not on these connections. */
  static Reason doesNotExpose(IngressExposure e) {
    return new Reason(
        Reason.Effect.DENY,
        Optional.of(origin(e)),
        label(e.via())
            + " allows ingress to service "
            + e.service()
            + ", but the protocols and ports do not match");
  }

  private static RuleOrigin origin(IngressExposure e) {
    IngressRoutes via = e.via();
    return new RuleOrigin(
        via.kind(), via.namespace() + "/" + via.name(), "service " + e.service(), via.location());
  }

  private static String label(IngressRoutes via) {
    return via.kind() + " '" + via.namespace() + "/" + via.name() + "'";
  }
}
