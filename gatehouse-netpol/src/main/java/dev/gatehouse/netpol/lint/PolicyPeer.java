package dev.gatehouse.netpol.lint;

import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.model.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * One peer of a NetworkPolicy rule that is in force (its direction is in the policy types), with
 * its JSON pointer.
 *
 * @param index the peer's position in the rule's {@code from}/{@code to} list
 */
record PolicyPeer(
    NetworkPolicy policy,
    Direction direction,
    NetworkPolicy.Rule rule,
    int index,
    NetworkPolicy.Peer peer) {

  /** The peer's JSON pointer, e.g. {@code /spec/ingress/0/from/1}. */
  String pointer() {
    return rule.pointer() + (direction == Direction.INGRESS ? "/from/" : "/to/") + index;
  }

  /** Every peer of every rule in force of the input's NetworkPolicies. */
  static List<PolicyPeer> all(LintInput in) {
    List<PolicyPeer> out = new ArrayList<>();
    for (NetworkPolicy p : in.networkPolicies()) {
      if (p.isolatesIngress()) {
        add(p, Direction.INGRESS, p.ingress(), out);
      }
      if (p.isolatesEgress()) {
        add(p, Direction.EGRESS, p.egress(), out);
      }
    }
    return out;
  }

  private static void add(
      NetworkPolicy p, Direction d, List<NetworkPolicy.Rule> rules, List<PolicyPeer> out) {
    for (NetworkPolicy.Rule r : rules) {
      for (int j = 0; j < r.peers().size(); j++) {
        out.add(new PolicyPeer(p, d, r, j, r.peers().get(j)));
      }
    }
  }

  /** {@code Ingress rule #1 peer #2}. */
  String label() {
    return direction.title() + " rule #" + (rule.index() + 1) + " peer #" + (index + 1);
  }
}
