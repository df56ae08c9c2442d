package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.ir.Action;
import dev.gatehouse.netpol.ir.Tier;
import dev.gatehouse.netpol.l7.L7Rules;
import java.util.ArrayList;
import java.util.List;

/**
 * The L7 restrictions of one side of a connection: which of the connections it allows are
 * redirected to a proxy and which requests the proxy lets through.
 *
 * <p>Design note (Cilium {@code Documentation/security/policy/layer7.rst}; {@code
 * pkg/policy/rule.go mergePortProto}; cilium/cilium#38841): the allow rules of a port towards a
 * peer are merged per port; a request passes if any L7 rule of the merged set matches it; if any
 * allow rule for that port and peer has no L7 part ("a similar layer 4 rule"), the L7 rules "will
 * have no effect". An AdminNetworkPolicy allow is final and unrestricted likewise. A subject that
 * is not isolated in the direction has no L7 restriction either: since cilium/cilium#38841 a policy
 * with {@code enableDefaultDeny: false} adds an L7 allow-all, so requests that L3/L4 allows by
 * default pass. Only connections the side allows at all are considered.
 */
final class L7Side {
  private L7Side() {}

  /**
   * Connections that share the same L7 rules, and the rules contributing them.
   *
   * @param conns disjoint from every other segment of the same side
   */
  record Segment(ConnectionSet conns, List<IndexedRule> contributors) {
    /** The union of the contributors' L7 rules. */
    L7Rules rules() {
      L7Rules out = L7Rules.NONE;
      for (IndexedRule r : contributors) {
        out = out.union(r.rule().l7());
      }
      return out;
    }
  }

  /** The segments of {@code subject} towards peer index {@code p}, cheaply empty without L7. */
  static List<Segment> atIndex(
      CompiledNetwork net, dev.gatehouse.netpol.ir.Direction d, int subject, int p) {
    boolean any = false;
    for (int i : net.l7Index().rulesOf(d, subject)) {
      any |= net.rules().get(i).peers().get(p);
    }
    return any ? of(PeerView.atIndex(net, d, subject, p)) : List.of();
  }

  /** The segments of one side, given its view of the peer. */
  static List<Segment> of(PeerView v) {
    if (!v.isolated() || v.rules().stream().allMatch(r -> r.rule().l7().isEmpty())) {
      return List.of();
    }
    ConnectionSet unrestricted = ConnectionSet.NONE;
    ConnectionSet remaining = ConnectionSet.ALL;
    for (IndexedRule r : v.rules()) {
      ConnectionSet c = r.conns(v.dst());
      if (r.rule().tier() == Tier.ADMIN) {
        ConnectionSet taken = c.intersect(remaining);
        if (r.rule().action() == Action.ALLOW) {
          unrestricted = unrestricted.union(taken);
        }
        remaining = remaining.subtract(taken);
      } else if (r.rule().tier() == Tier.ALLOW && r.rule().l7().isEmpty()) {
        unrestricted = unrestricted.union(c);
      }
    }
    List<Segment> segments = new ArrayList<>();
    for (IndexedRule r : v.rules()) {
      if (r.rule().tier() == Tier.ALLOW && !r.rule().l7().isEmpty()) {
        ConnectionSet c = r.conns(v.dst()).intersect(v.conns()).subtract(unrestricted);
        if (!c.isEmpty()) {
          segments = refine(segments, c, r);
        }
      }
    }
    return segments;
  }

  private static List<Segment> refine(List<Segment> segments, ConnectionSet c, IndexedRule r) {
    List<Segment> out = new ArrayList<>();
    ConnectionSet rest = c;
    for (Segment s : segments) {
      ConnectionSet both = s.conns().intersect(c);
      if (both.isEmpty()) {
        out.add(s);
        continue;
      }
      ConnectionSet only = s.conns().subtract(c);
      if (!only.isEmpty()) {
        out.add(new Segment(only, s.contributors()));
      }
      List<IndexedRule> more = new ArrayList<>(s.contributors());
      more.add(r);
      out.add(new Segment(both, List.copyOf(more)));
      rest = rest.subtract(s.conns());
    }
    if (!rest.isEmpty()) {
      out.add(new Segment(rest, List.of(r)));
    }
    return out;
  }

  /**
   * The constraints of a connection {@code conns} whose egress side has segments {@code egress} and
   * ingress side {@code ingress}: each part of {@code conns} with the rules of each side.
   */
  static List<L7Constraint> combine(
      ConnectionSet conns, List<Segment> egress, List<Segment> ingress) {
    if (egress.isEmpty() && ingress.isEmpty()) {
      return List.of();
    }
    List<L7Constraint> out = new ArrayList<>();
    ConnectionSet eAll = ConnectionSet.NONE;
    ConnectionSet iAll = ConnectionSet.NONE;
    for (Segment i : ingress) {
      iAll = iAll.union(i.conns());
    }
    for (Segment e : egress) {
      eAll = eAll.union(e.conns());
      for (Segment i : ingress) {
        add(out, conns.intersect(e.conns()).intersect(i.conns()), e.rules(), i.rules());
      }
      add(out, conns.intersect(e.conns()).subtract(iAll), e.rules(), L7Rules.NONE);
    }
    for (Segment i : ingress) {
      add(out, conns.intersect(i.conns()).subtract(eAll), L7Rules.NONE, i.rules());
    }
    return List.copyOf(out);
  }

  private static void add(List<L7Constraint> out, ConnectionSet c, L7Rules e, L7Rules i) {
    if (!c.isEmpty()) {
      out.add(new L7Constraint(c, e, i));
    }
  }
}
