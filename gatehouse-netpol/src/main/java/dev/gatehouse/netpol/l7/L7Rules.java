package dev.gatehouse.netpol.l7;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The L7 rules that restrict one port towards one peer: a request is allowed when any rule matches
 * (OR). Sorted and without duplicates, so equal rule sets are equal values whatever the policy
 * order. {@link #NONE} means the port has no L7 part at all (plain L4).
 *
 * <p>Cilium lets one {@code toPorts} entry carry one kind of L7 rule; rules of different policies
 * on the same port are merged here. An HTTP request is judged by the HTTP rules only and a DNS
 * query by the DNS rules only, so a port whose rules are all of the other kind admits none.
 */
public record L7Rules(List<HttpRule> http, List<FqdnPattern> dns) {

  /** No L7 rule: the port is not redirected to a proxy. */
  public static final L7Rules NONE = new L7Rules(List.of(), List.of());

  /** Sorts and deduplicates. */
  public L7Rules {
    http = List.copyOf(new TreeSet<>(http));
    dns = List.copyOf(new TreeSet<>(dns));
  }

  /** HTTP rules. */
  public static L7Rules ofHttp(List<HttpRule> rules) {
    return new L7Rules(rules, List.of());
  }

  /** DNS rules. */
  public static L7Rules ofDns(List<FqdnPattern> patterns) {
    return new L7Rules(List.of(), patterns);
  }

  /** Whether there is no L7 rule. */
  public boolean isEmpty() {
    return http.isEmpty() && dns.isEmpty();
  }

  /** Both sets of rules (a request passing either passes the union). */
  public L7Rules union(L7Rules o) {
    if (o.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return o;
    }
    List<HttpRule> h = new ArrayList<>(http);
    h.addAll(o.http);
    List<FqdnPattern> d = new ArrayList<>(dns);
    d.addAll(o.dns);
    return new L7Rules(h, d);
  }

  /** The first HTTP rule (in printing order) the request matches. */
  public Optional<HttpRule> admitting(HttpRequest request) {
    return http.stream().filter(r -> r.matches(request)).findFirst();
  }

  /** The first DNS rule (in printing order) that admits a query for {@code name}. */
  public Optional<FqdnPattern> admittingQuery(String name) {
    return dns.stream().filter(p -> p.matches(name)).findFirst();
  }

  /** {@code HTTP GET /a | HTTP POST /b}, or {@code DNS *.example.com | DNS example.org}. */
  @Override
  public String toString() {
    List<String> items = new ArrayList<>();
    http.forEach(r -> items.add(r.toString()));
    dns.forEach(p -> items.add("DNS " + p));
    return String.join(" | ", items);
  }
}
