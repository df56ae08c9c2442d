package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.RuleOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a workload can resolve a DNS name it wants to connect to, and whether the addresses a
 * {@code toFQDNs} rule needs get learned.
 *
 * <p>Design note (Cilium {@code Documentation/security/policy/language.rst} "DNS based" and {@code
 * layer7.rst} "DNS Proxy"): the workload asks the cluster's DNS server (pods labelled {@code
 * k8s-app=kube-dns}) on port 53 over UDP or TCP. The query passes if that connection is allowed at
 * L4 and, where L7 rules filter the port, a DNS rule ({@code matchName}/{@code matchPattern})
 * admits the name. Cilium allows connections by a {@code toFQDNs} rule only to addresses its DNS
 * proxy saw in an answer, and the proxy sees only queries on ports with DNS rules; so when only
 * {@code toFQDNs} rules allow the connection to the name, the query must also go through a DNS
 * rule. Without a DNS server in the input the resolution is not checked (and said so).
 */
final class DnsResolution {
  private static final LabelSelector DNS_SERVER = LabelSelector.of(Map.of("k8s-app", "kube-dns"));
  private static final int DNS_PORT = 53;

  private DnsResolution() {}

  /** One way of asking: a server over a protocol. */
  private record Path(Identity server, Protocol protocol, boolean l4, Outcome outcome) {}

  /** What the L7 rules of a path make of the query. */
  private record Outcome(boolean admitted, boolean proxied, List<Reason> reasons) {}

  static RequestCheck check(
      CompiledNetwork net, Endpoint.OfWorkload src, String name, ConnectionSet asked, boolean l4) {
    String what = "DNS " + name;
    List<Identity> servers =
        net.identities().identities().stream()
            .filter(i -> !i.members().isEmpty() && DNS_SERVER.matches(i.labels()))
            .toList();
    if (servers.isEmpty()) {
      return new RequestCheck(
          what,
          true,
          List.of(
              new Reason(
                  Reason.Effect.DEFAULT,
                  Optional.empty(),
                  "no DNS server (pods labelled k8s-app=kube-dns) in the input; resolution of "
                      + name
                      + " not checked")));
    }
    boolean needsProxy =
        l4
            && PeerView.towardsName(net, src.identity(), name, true)
                .conns()
                .intersect(asked)
                .isEmpty();
    List<Path> paths = new ArrayList<>();
    for (Identity server : servers) {
      for (Protocol p : List.of(Protocol.UDP, Protocol.TCP)) {
        paths.add(path(net, src, server, p, name));
      }
    }
    for (Path p : paths) {
      if (p.l4() && p.outcome().admitted() && (p.outcome().proxied() || !needsProxy)) {
        List<Reason> reasons = new ArrayList<>(p.outcome().reasons());
        return new RequestCheck(what, true, reasons);
      }
    }
    return new RequestCheck(what, false, denial(src, name, paths, needsProxy));
  }

  private static Path path(
      CompiledNetwork net, Endpoint.OfWorkload src, Identity server, Protocol p, String name) {
    PeerView egress = PeerView.atIndex(net, Direction.EGRESS, src.identity(), server.id());
    PeerView ingress = PeerView.atIndex(net, Direction.INGRESS, server.id(), src.identity());
    boolean l4 = egress.conns().intersect(ingress.conns()).contains(p, DNS_PORT);
    if (!l4) {
      return new Path(server, p, false, new Outcome(false, false, List.of()));
    }
    List<L7Side.Segment> e = RequestChecks.covering(L7Side.of(egress), p, DNS_PORT);
    List<L7Side.Segment> i = RequestChecks.covering(L7Side.of(ingress), p, DNS_PORT);
    String conn = p + " " + DNS_PORT;
    String to = " lets " + src.label() + " ask " + server.members().getFirst().key();
    List<Reason> reasons = new ArrayList<>();
    boolean admitted = true;
    boolean proxied = false;
    for (L7Side.Segment s : e) {
      proxied |= !s.rules().dns().isEmpty();
      admitted &= judge(s, name, to + " on " + conn, reasons);
    }
    for (L7Side.Segment s : i) {
      admitted &= judge(s, name, to + " on " + conn, reasons);
    }
    if (e.isEmpty() && i.isEmpty()) {
      reasons.add(
          new Reason(
              Reason.Effect.ALLOW,
              Optional.empty(),
              src.label()
                  + " may reach "
                  + server.members().getFirst().key()
                  + " on "
                  + conn
                  + " and no DNS rule filters the query for "
                  + name));
    }
    return new Path(server, p, true, new Outcome(admitted, proxied, reasons));
  }

  private static boolean judge(L7Side.Segment s, String name, String what, List<Reason> reasons) {
    List<Reason> denials = new ArrayList<>();
    for (IndexedRule r : s.contributors()) {
      RuleOrigin o = r.rule().origin();
      var admitting = r.rule().l7().admittingQuery(name);
      if (admitting.isPresent()) {
        reasons.add(
            new Reason(
                Reason.Effect.ALLOW,
                Optional.of(o),
                RequestChecks.label(o) + what + " for " + name + " (DNS " + admitting.get() + ")"));
        return true;
      }
      denials.add(
          new Reason(
              Reason.Effect.DENY,
              Optional.of(o),
              RequestChecks.label(o)
                  + what
                  + " only for "
                  + r.rule().l7()
                  + "; "
                  + name
                  + " does not match"));
    }
    reasons.addAll(denials);
    return false;
  }

  private static List<Reason> denial(
      Endpoint.OfWorkload src, String name, List<Path> paths, boolean needsProxy) {
    List<Reason> out = new ArrayList<>();
    for (Path p : paths) {
      String server = p.server().members().getFirst().key();
      if (!p.l4()) {
        out.add(
            new Reason(
                Reason.Effect.DENY,
                Optional.empty(),
                src.label() + " cannot reach " + server + " on " + p.protocol() + " 53"));
      } else if (!p.outcome().admitted()) {
        out.addAll(
            p.outcome().reasons().stream().filter(r -> r.effect() == Reason.Effect.DENY).toList());
      } else if (needsProxy) {
        out.add(
            new Reason(
                Reason.Effect.DENY,
                Optional.empty(),
                "only toFQDNs rules allow the connection to "
                    + name
                    + ", and Cilium learns their addresses from DNS answers its proxy sees; no"
                    + " DNS rule covers "
                    + p.protocol()
                    + " 53 from "
                    + src.label()
                    + " to "
                    + server));
      }
    }
    return out;
  }
}
