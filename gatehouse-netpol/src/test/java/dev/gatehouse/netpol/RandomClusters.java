package dev.gatehouse.netpol;

import dev.gatehouse.netpol.RandomCluster.ContainerPort;
import dev.gatehouse.netpol.RandomCluster.Expr;
import dev.gatehouse.netpol.RandomCluster.IpPeer;
import dev.gatehouse.netpol.RandomCluster.PeerSpec;
import dev.gatehouse.netpol.RandomCluster.PortSpec;
import dev.gatehouse.netpol.RandomCluster.RuleSpec;
import dev.gatehouse.netpol.RandomCluster.Sel;
import dev.gatehouse.netpol.RandomCluster.SelPeer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Arbitraries of {@link RandomCluster}s: small vocabularies of labels, ports and CIDRs so that
 * selectors, named ports and ipBlocks collide often, and every shape the API allows (absent versus
 * empty lists, selectors with expressions, ranges, named ports, all three protocols, ipBlocks with
 * except, IPv6).
 *
 * <p>The leaves are drawn from precomputed lists of values (every expression, ipBlock and port
 * entry over the vocabularies) rather than built from nested arbitraries: generation stays fast and
 * shrinking moves towards the first, simplest entries.
 */
final class RandomClusters {
  private static final List<String> POD_KEYS = List.of("app", "tier", "env");
  private static final List<String> POD_VALUES = List.of("a", "b", "c");
  private static final List<String> NS_KEYS = List.of("team", "env");
  private static final List<String> NS_VALUES = List.of("x", "y");
  private static final String NAME_LABEL = "kubernetes.io/metadata.name";
  private static final List<String> PORT_NAMES = List.of("http", "dns", "web");
  private static final List<Integer> PORT_NUMBERS = List.of(53, 80, 443, 8080, 9000);
  private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");

  /** CIDRs with the excepts valid inside each. */
  private static final Map<String, List<String>> CIDRS =
      new TreeMap<>(
          Map.of(
              "0.0.0.0/0", List.of("10.0.0.0/8", "10.1.2.0/24", "192.168.0.0/16"),
              "10.0.0.0/8", List.of("10.1.0.0/16", "10.1.2.0/24"),
              "10.1.0.0/16", List.of("10.1.2.0/24", "10.1.128.0/17"),
              "192.168.0.0/16", List.of("192.168.1.0/24"),
              "10.1.2.3/32", List.of(),
              "2001:db8::/32", List.of("2001:db8:1::/48")));

  private RandomClusters() {}

  /** Clusters of 2–4 namespaces, 1–10 workloads and 1–8 policies. */
  static Arbitrary<RandomCluster> clusters() {
    return clusters(10, 8);
  }

  /** Clusters of 2–4 namespaces, up to the given numbers of workloads and policies. */
  static Arbitrary<RandomCluster> clusters(int maxWorkloads, int maxPolicies) {
    return Arbitraries.integers()
        .between(2, 4)
        .flatMap(
            n ->
                Combinators.combine(
                        namespaces(n), workloads(n, maxWorkloads), policies(n, maxPolicies))
                    .as(RandomCluster::new));
  }

  private static Arbitrary<List<RandomCluster.Ns>> namespaces(int n) {
    return labels(pairs(NS_KEYS, NS_VALUES))
        .list()
        .ofSize(n)
        .map(
            maps -> {
              List<RandomCluster.Ns> out = new ArrayList<>();
              for (int i = 0; i < maps.size(); i++) {
                out.add(new RandomCluster.Ns("ns" + i, maps.get(i)));
              }
              return out;
            });
  }

  /** Workloads; namespace {@code ns<n>} is one that no Namespace object defines. */
  private static Arbitrary<List<RandomCluster.Wl>> workloads(int n, int max) {
    Arbitrary<Map<String, String>> labels =
        Arbitraries.frequencyOf(
            Tuple.of(4, labels(pairs(POD_KEYS, POD_VALUES))),
            Tuple.of(1, Arbitraries.just(Map.of("app", "a"))));
    List<ContainerPort> portChoices = new ArrayList<>();
    for (String name : List.of("http", "dns", "web", "")) {
      for (int port : PORT_NUMBERS) {
        PROTOCOLS.forEach(proto -> portChoices.add(new ContainerPort(name, port, proto)));
      }
    }
    Arbitrary<List<ContainerPort>> ports =
        Arbitraries.of(portChoices).list().ofMaxSize(3).map(RandomClusters::uniqueNames);
    Arbitrary<Integer> ns =
        Arbitraries.frequencyOf(
            Tuple.of(9, Arbitraries.integers().between(0, n - 1)),
            Tuple.of(1, Arbitraries.just(n)));
    Arbitrary<String> kinds = Arbitraries.of("Deployment", "StatefulSet", "DaemonSet", "Pod");
    return Combinators.combine(kinds, ns, labels, ports)
        .as((kind, nsIndex, l, p) -> new RandomCluster.Wl(kind, "ns" + nsIndex, "", l, p))
        .list()
        .ofMinSize(1)
        .ofMaxSize(max)
        .withSizeDistribution(RandomDistribution.uniform())
        .map(
            ws -> {
              List<RandomCluster.Wl> out = new ArrayList<>();
              for (int i = 0; i < ws.size(); i++) {
                RandomCluster.Wl w = ws.get(i);
                out.add(
                    new RandomCluster.Wl(w.kind(), w.namespace(), "w" + i, w.labels(), w.ports()));
              }
              return out;
            });
  }

  /** Container port names are unique in a pod: later duplicates lose their name. */
  private static List<ContainerPort> uniqueNames(List<ContainerPort> ports) {
    Set<String> seen = new HashSet<>();
    List<ContainerPort> out = new ArrayList<>();
    for (ContainerPort p : ports) {
      boolean fresh = p.name().isEmpty() || seen.add(p.name());
      out.add(fresh ? p : new ContainerPort("", p.port(), p.protocol()));
    }
    return out;
  }

  private static Arbitrary<List<RandomCluster.Pol>> policies(int n, int max) {
    Arbitrary<Optional<List<String>>> types =
        Arbitraries.frequency(
            Tuple.of(3, Optional.<List<String>>empty()),
            Tuple.of(1, Optional.of(List.of("Ingress"))),
            Tuple.of(2, Optional.of(List.of("Egress"))),
            Tuple.of(2, Optional.of(List.of("Ingress", "Egress"))),
            Tuple.of(1, Optional.of(List.of("Egress", "Ingress"))));
    return Combinators.combine(
            Arbitraries.integers().between(0, n - 1),
            selector(pairs(POD_KEYS, POD_VALUES), POD_KEYS, POD_VALUES),
            types,
            absentEmptyOr(rule(n)),
            absentEmptyOr(rule(n)))
        .as((ns, sel, t, in, eg) -> new RandomCluster.Pol("ns" + ns, "", sel, t, in, eg))
        .list()
        .ofMinSize(1)
        .ofMaxSize(max)
        .withSizeDistribution(RandomDistribution.uniform())
        .map(
            ps -> {
              List<RandomCluster.Pol> out = new ArrayList<>();
              for (int i = 0; i < ps.size(); i++) {
                RandomCluster.Pol p = ps.get(i);
                out.add(
                    new RandomCluster.Pol(
                        p.namespace(),
                        "p" + i,
                        p.podSelector(),
                        p.policyTypes(),
                        p.ingress(),
                        p.egress()));
              }
              return out;
            });
  }

  private static Arbitrary<RuleSpec> rule(int n) {
    return Combinators.combine(absentEmptyOr(peer(n)), absentEmptyOr(port())).as(RuleSpec::new);
  }

  private static Arbitrary<PeerSpec> peer(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      names.add("ns" + i);
    }
    List<String[]> nsPairs = new ArrayList<>(pairs(NS_KEYS, NS_VALUES));
    names.forEach(name -> nsPairs.add(new String[] {NAME_LABEL, name}));
    Arbitrary<Sel> nsSel = selector(nsPairs, List.of("team", NAME_LABEL), List.of("x", "ns1"));
    Arbitrary<Sel> podSel = selector(pairs(POD_KEYS, POD_VALUES), POD_KEYS, POD_VALUES);
    List<PeerSpec> blocks = new ArrayList<>();
    CIDRS.forEach(
        (cidr, excepts) -> {
          for (int mask = 0; mask < 1 << excepts.size(); mask++) {
            List<String> ex = new ArrayList<>();
            for (int i = 0; i < excepts.size(); i++) {
              if ((mask & (1 << i)) != 0) {
                ex.add(excepts.get(i));
              }
            }
            blocks.add(new IpPeer(cidr, List.copyOf(ex)));
          }
        });
    return Arbitraries.frequencyOf(
        Tuple.of(3, podSel.map(p -> new SelPeer(Optional.empty(), Optional.of(p)))),
        Tuple.of(2, nsSel.map(s -> new SelPeer(Optional.of(s), Optional.empty()))),
        Tuple.of(
            2,
            Combinators.combine(nsSel, podSel)
                .as((s, p) -> new SelPeer(Optional.of(s), Optional.of(p)))),
        Tuple.of(2, Arbitraries.of(blocks)));
  }

  /** Every port entry over the vocabulary: protocol (or none) × nothing, number, range or name. */
  private static Arbitrary<PortSpec> port() {
    List<Optional<String>> protocols = new ArrayList<>(List.of(Optional.empty()));
    PROTOCOLS.forEach(p -> protocols.add(Optional.of(p)));
    List<PortSpec> out = new ArrayList<>();
    for (Optional<String> proto : protocols) {
      out.add(new PortSpec(proto, Optional.empty(), Optional.empty()));
      for (int port : PORT_NUMBERS) {
        out.add(new PortSpec(proto, Optional.of(port), Optional.empty()));
      }
      for (String name : List.of("http", "dns", "web", "nope")) {
        out.add(new PortSpec(proto, Optional.of(name), Optional.empty()));
      }
      for (int[] range : new int[][] {{53, 53}, {53, 80}, {80, 90}, {443, 9000}, {8000, 65535}}) {
        out.add(new PortSpec(proto, Optional.of(range[0]), Optional.of(range[1])));
      }
    }
    return Arbitraries.of(out);
  }

  /** Empty, matchLabels, matchExpressions, or both. */
  private static Arbitrary<Sel> selector(
      List<String[]> labelPairs, List<String> exprKeys, List<String> exprValues) {
    Arbitrary<Map<String, String>> matchLabels =
        Arbitraries.of(labelPairs)
            .list()
            .ofMinSize(1)
            .ofMaxSize(2)
            .map(
                list -> {
                  Map<String, String> m = new TreeMap<>();
                  list.forEach(kv -> m.putIfAbsent(kv[0], kv[1]));
                  return m;
                });
    Arbitrary<List<Expr>> exprs =
        Arbitraries.of(expressions(exprKeys, exprValues)).list().ofMinSize(1).ofMaxSize(2);
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(new Sel(Map.of(), List.of()))),
        Tuple.of(3, matchLabels.map(m -> new Sel(m, List.of()))),
        Tuple.of(2, exprs.map(e -> new Sel(Map.of(), e))),
        Tuple.of(1, Combinators.combine(matchLabels, exprs).as(Sel::new)));
  }

  /** Every requirement over the keys: Exists, DoesNotExist, In and NotIn with one or two values. */
  private static List<Expr> expressions(List<String> keys, List<String> values) {
    List<Expr> out = new ArrayList<>();
    for (String key : keys) {
      out.add(new Expr(key, "Exists", List.of()));
      out.add(new Expr(key, "DoesNotExist", List.of()));
      for (String op : List.of("In", "NotIn")) {
        out.add(new Expr(key, op, List.of(values.get(0))));
        out.add(new Expr(key, op, List.of(values.get(0), values.get(1))));
        out.add(new Expr(key, op, List.of(values.getLast())));
      }
    }
    return out;
  }

  /** Label maps of up to three entries drawn from {@code pairs} (first value per key wins). */
  private static Arbitrary<Map<String, String>> labels(List<String[]> pairs) {
    return Arbitraries.of(pairs)
        .list()
        .ofMaxSize(3)
        .map(
            list -> {
              Map<String, String> m = new TreeMap<>();
              list.forEach(kv -> m.putIfAbsent(kv[0], kv[1]));
              return m;
            });
  }

  private static List<String[]> pairs(List<String> keys, List<String> values) {
    List<String[]> out = new ArrayList<>();
    for (String k : keys) {
      values.forEach(v -> out.add(new String[] {k, v}));
    }
    return out;
  }

  /** Absent (rarely), an empty list (rarely), or one to three elements. */
  private static <T> Arbitrary<Optional<List<T>>> absentEmptyOr(Arbitrary<T> element) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Optional.<List<T>>empty())),
        Tuple.of(1, Arbitraries.just(Optional.of(List.<T>of()))),
        Tuple.of(8, element.list().ofMinSize(1).ofMaxSize(3).map(Optional::of)));
  }
}
