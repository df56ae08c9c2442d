package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.RuleOrigin;
import dev.gatehouse.netpol.l7.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds the L7 part to an L4 verdict: the L7 rules filtering the asked connections, the check of an
 * HTTP request against them, and for a DNS name destination the check of its resolution ({@link
 * DnsResolution}).
 */
final class RequestChecks {
  private RequestChecks() {}

  static Verdict complete(CompiledNetwork net, Verdict v, Optional<HttpRequest> http) {
    ConnectionSet asked = asked(v);
    List<L7Side.Segment> egress = side(net, Direction.EGRESS, v.src(), v.dst());
    List<L7Side.Segment> ingress = side(net, Direction.INGRESS, v.dst(), v.src());
    List<L7Constraint> l7 =
        L7Side.combine(v.conns().intersect(asked), egress, ingress).stream().toList();
    List<RequestCheck> checks = new ArrayList<>();
    if (v.dst() instanceof Endpoint.OfName name && v.src() instanceof Endpoint.OfWorkload w) {
      checks.add(DnsResolution.check(net, w, name.name(), asked, v.allowed()));
    }
    if (http.isPresent()) {
      checks.add(httpCheck(v, http.get(), egress, ingress));
    }
    boolean allowed = v.allowed() && checks.stream().allMatch(RequestCheck::allowed);
    return new Verdict(
        v.src(),
        v.dst(),
        v.protocol(),
        v.port(),
        allowed,
        v.conns(),
        v.egress(),
        v.ingress(),
        l7,
        checks);
  }

  /** The L7 segments of the side whose subject is {@code subject}, if it is a workload. */
  static List<L7Side.Segment> side(
      CompiledNetwork net, Direction d, Endpoint subject, Endpoint peer) {
    if (!(subject instanceof Endpoint.OfWorkload w)
        || net.l7Index().rulesOf(d, w.identity()).length == 0) {
      return List.of(); // no L7 rule applies to the subject: no segment (cheap, like atIndex)
    }
    return L7Side.of(PeerView.of(net, d, w.identity(), peer));
  }

  private static ConnectionSet asked(Verdict v) {
    if (v.protocol().isEmpty()) {
      return ConnectionSet.ALL;
    }
    return v.port().isEmpty()
        ? ConnectionSet.allOf(v.protocol().get())
        : ConnectionSet.of(v.protocol().get(), PortSet.of(v.port().getAsInt()));
  }

  private static RequestCheck httpCheck(
      Verdict v, HttpRequest request, List<L7Side.Segment> egress, List<L7Side.Segment> ingress) {
    String what = "HTTP " + request;
    if (v.protocol().orElse(Protocol.TCP) != Protocol.TCP || v.port().isEmpty()) {
      throw new IllegalArgumentException("an HTTP request needs a TCP port");
    }
    int port = v.port().getAsInt();
    if (!v.allowed()) {
      return new RequestCheck(
          what,
          false,
          List.of(
              new Reason(
                  Reason.Effect.DENY,
                  Optional.empty(),
                  "the request is never sent: TCP " + port + " is denied at L4")));
    }
    List<Reason> reasons = new ArrayList<>();
    boolean allowed = true;
    boolean restricted = false;
    for (L7Side.Segment s : covering(egress, port)) {
      restricted = true;
      allowed &= judge(s, request, "TCP " + port, reasons);
    }
    for (L7Side.Segment s : covering(ingress, port)) {
      restricted = true;
      allowed &= judge(s, request, "TCP " + port, reasons);
    }
    if (!restricted) {
      reasons.add(
          new Reason(
              Reason.Effect.DEFAULT,
              Optional.empty(),
              "no L7 rule filters TCP "
                  + port
                  + " from "
                  + v.src().label()
                  + " to "
                  + v.dst().label()
                  + "; every request passes"));
    }
    return new RequestCheck(what, allowed, reasons);
  }

  /** The segments (at most one: they are disjoint) that cover TCP {@code port}. */
  static List<L7Side.Segment> covering(List<L7Side.Segment> segments, int port) {
    return covering(segments, Protocol.TCP, port);
  }

  static List<L7Side.Segment> covering(List<L7Side.Segment> segments, Protocol p, int port) {
    return segments.stream().filter(s -> s.conns().contains(p, port)).toList();
  }

  /** Whether some contributor of {@code s} admits the request; adds the reasons. */
  private static boolean judge(
      L7Side.Segment s, HttpRequest request, String conn, List<Reason> reasons) {
    List<Reason> denials = new ArrayList<>();
    for (IndexedRule r : s.contributors()) {
      RuleOrigin o = r.rule().origin();
      var admitting = r.rule().l7().admitting(request);
      if (admitting.isPresent()) {
        reasons.add(
            new Reason(
                Reason.Effect.ALLOW,
                Optional.of(o),
                label(o) + " admits " + request + " on " + conn + " (" + admitting.get() + ")"));
        return true;
      }
      denials.add(
          new Reason(
              Reason.Effect.DENY,
              Optional.of(o),
              label(o) + " admits on " + conn + " only " + r.rule().l7() + "; " + why(r, request)));
    }
    reasons.addAll(denials);
    return false;
  }

  private static String why(IndexedRule r, HttpRequest request) {
    if (r.rule().l7().http().isEmpty()) {
      return "an HTTP request is not a DNS query";
    }
    List<String> out = new ArrayList<>();
    r.rule().l7().http().forEach(h -> h.mismatch(request).ifPresent(out::add));
    return String.join("; ", out);
  }

  /** {@code CiliumNetworkPolicy 'ns/name' Ingress rule #1}. */
  static String label(RuleOrigin o) {
    return o.policyLabel() + (o.rule().isEmpty() ? "" : " " + o.rule());
  }
}
