package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.ir.Action;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.Isolation;
import dev.gatehouse.netpol.ir.RuleOrigin;
import dev.gatehouse.netpol.ir.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Explains one side of a connection: which rules matched, in precedence order, and which of them
 * (or which isolation, or the system default) decided.
 *
 * <p>The allowed connections come from the same per-subject results connectivity uses; the walk
 * below only names the rules responsible, following {@link TierEvaluator}'s order.
 */
final class Explainer {
  private final CompiledNetwork net;

  Explainer(CompiledNetwork net) {
    this.net = net;
  }

  DirectionVerdict explain(
      Direction d, Endpoint subject, Endpoint peer, Optional<Protocol> proto, OptionalInt port) {
    if (!(subject instanceof Endpoint.OfWorkload w)) {
      return new DirectionVerdict(
          d,
          true,
          ConnectionSet.ALL,
          List.of(
              new Reason(
                  Reason.Effect.DEFAULT,
                  Optional.empty(),
                  subject.label()
                      + (subject instanceof Endpoint.OfEntity
                          ? " is not a workload"
                          : " is outside the cluster")
                      + "; no policy applies to its "
                      + d.title().toLowerCase(java.util.Locale.ROOT))));
    }
    int s = w.identity();
    PeerView view = PeerView.of(net, d, s, peer);
    ConnectionSet conns = view.conns();
    List<IndexedRule> matching = view.rules();
    Identity dst = view.dst();
    Walk walk = new Walk(d, w, peer, dst, proto, port);
    boolean allowed =
        proto.isPresent() && port.isPresent()
            ? conns.contains(proto.get(), port.getAsInt())
            : proto.isPresent()
                ? !conns.intersect(ConnectionSet.allOf(proto.get())).isEmpty()
                : !conns.isEmpty();
    walk.run(matching, net.isIsolated(d, s), net.isolationsOf(d, s));
    return new DirectionVerdict(d, allowed, conns, List.copyOf(walk.reasons));
  }

  /** The reasons of one direction, collected in the evaluator's order. */
  private static final class Walk {
    private final Direction d;
    private final String peerLabel;
    private final String subjectLabel;
    private final @Nullable Identity dst;
    private final ConnectionSet asked;
    private final List<Reason> reasons = new ArrayList<>();

    Walk(
        Direction d,
        Endpoint.OfWorkload subject,
        Endpoint peer,
        @Nullable Identity dst,
        Optional<Protocol> proto,
        OptionalInt port) {
      this.d = d;
      this.peerLabel = peer.label();
      this.subjectLabel = subject.label();
      this.dst = dst;
      this.asked =
          proto.isEmpty()
              ? ConnectionSet.ALL
              : port.isEmpty()
                  ? ConnectionSet.allOf(proto.get())
                  : ConnectionSet.of(
                      proto.get(), dev.gatehouse.netpol.algebra.PortSet.of(port.getAsInt()));
    }

    void run(List<IndexedRule> rules, boolean isolated, List<Isolation> isolations) {
      ConnectionSet open = asked;
      ConnectionSet adminOpen = asked; // what no admin rule took yet (passed ones included)
      ConnectionSet allowTier = ConnectionSet.NONE;
      for (IndexedRule r : rules) {
        Tier tier = r.rule().tier();
        ConnectionSet c = r.conns(dst).intersect(tier == Tier.ADMIN ? adminOpen : open);
        if (c.isEmpty() && tier != Tier.ALLOW) {
          continue;
        }
        switch (tier) {
          case ADMIN, BASELINE -> {
            if (tier == Tier.BASELINE && isolated) {
              continue;
            }
            Reason.Effect e = Reason.Effect.of(r.rule().action());
            add(e, r.rule().origin(), r.rule().action().verb() + " " + peerLabel + " on " + c);
            if (tier == Tier.ADMIN) {
              adminOpen = adminOpen.subtract(c);
            }
            if (r.rule().action() != Action.PASS || tier == Tier.BASELINE) {
              open = open.subtract(c);
            }
          }
          case DENY -> {
            add(Reason.Effect.DENY, r.rule().origin(), "denies " + peerLabel + " on " + c);
            open = open.subtract(c);
          }
          case ALLOW -> {
            if (!c.isEmpty()) {
              allowTier = allowTier.union(c);
              add(Reason.Effect.ALLOW, r.rule().origin(), "admits " + peerLabel + " on " + c);
            } else {
              add(
                  Reason.Effect.ALLOW,
                  r.rule().origin(),
                  "admits " + peerLabel + " only on " + r.conns(dst) + ", not on " + asked);
            }
          }
        }
      }
      ConnectionSet notAllowed = open.subtract(allowTier);
      if (isolated && !notAllowed.isEmpty()) {
        String what =
            " selects "
                + subjectLabel
                + "; no "
                + d.title().toLowerCase(java.util.Locale.ROOT)
                + " rule of a policy selecting it admits "
                + peerLabel
                + (notAllowed.isAll() ? "" : " on " + notAllowed);
        for (Isolation i : isolations) {
          reasons.add(
              new Reason(
                  Reason.Effect.ISOLATE,
                  Optional.of(i.origin()),
                  i.origin().kind() + " " + i.origin().policy() + what));
        }
      } else if (!isolated && !open.isEmpty()) {
        reasons.add(
            new Reason(
                Reason.Effect.DEFAULT,
                Optional.empty(),
                "no policy isolates "
                    + subjectLabel
                    + " for "
                    + d.title()
                    + "; "
                    + open
                    + " allowed by default"));
      }
    }

    private void add(Reason.Effect e, RuleOrigin o, String what) {
      reasons.add(new Reason(e, Optional.of(o), o.policyLabel() + " " + o.rule() + " " + what));
    }
  }
}
