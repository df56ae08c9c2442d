package dev.gatehouse.netpol.engine;

import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.IpRange;
import dev.gatehouse.netpol.ir.Direction;
import dev.gatehouse.netpol.ir.Isolation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Policies compiled against one cluster: rules with evaluated selectors, indexed by subject, and
 * the peer space of each direction (identities, then the address ranges that the direction's rules
 * tell apart).
 *
 * <p>Immutable after construction except for per-subject results, which are computed on demand once
 * and cached (thread-safe). Built by {@link NetworkEngine}.
 */
public final class CompiledNetwork {
  private final IdentityTable identities;
  private final List<IndexedRule> rules;
  private final EnumArray<List<IpRange>> ipPeers;
  private final EnumArray<BitSet> isolated;
  private final EnumArray<List<Isolation>> isolations;
  private final EnumArray<int[][]> rulesBySubject;
  private final EnumArray<int[][]> isolationsBySubject;
  private final EnumArray<DirectionalResult[]> results;
  private final EnumArray<PeerUnits> units;
  private final boolean showIpv6;
  private final List<IngressTarget> ingressTargets;
  private final EnumArray<PeerSpace> spaces;
  private final L7Index l7Index;

  CompiledNetwork(
      IdentityTable identities,
      List<IndexedRule> rules,
      EnumArray<List<IpRange>> ipPeers,
      EnumArray<BitSet> isolated,
      EnumArray<List<Isolation>> isolations,
      boolean showIpv6,
      List<IngressTarget> ingressTargets,
      EnumArray<PeerSpace> spaces) {
    this.identities = identities;
    this.rules = rules;
    this.ipPeers = ipPeers;
    this.isolated = isolated;
    this.isolations = isolations;
    this.showIpv6 = showIpv6;
    this.ingressTargets = ingressTargets;
    this.spaces = spaces;
    this.l7Index = new L7Index(rules, identities.size());
    this.rulesBySubject = new EnumArray<>(d -> indexBySubject(d));
    this.isolationsBySubject = new EnumArray<>(d -> indexIsolations(d));
    this.results = new EnumArray<>(d -> new DirectionalResult[identities.size()]);
    this.units = new EnumArray<>(d -> PeerUnits.of(spaces.get(d).size(), rules, d));
  }

  /** The identities of the cluster. */
  public IdentityTable identities() {
    return identities;
  }

  /** The workloads that Ingress/Route objects expose to the ingress controller. */
  List<IngressTarget> ingressTargets() {
    return ingressTargets;
  }

  /** The address ranges that are peers in {@code direction} (sources for ingress). */
  public List<IpRange> ipPeers(Direction direction) {
    return ipPeers.get(direction);
  }

  /** Whether connectivity output should list IPv6 ranges (some rule names an IPv6 CIDR). */
  public boolean showIpv6() {
    return showIpv6;
  }

  /** The number of peers in {@code direction}'s peer space. */
  int peerCount(Direction direction) {
    return spaces.get(direction).size();
  }

  /** The peers of {@code direction} grouped by what broad rules tell apart. */
  PeerUnits units(Direction direction) {
    return units.get(direction);
  }

  /** The peer space of {@code direction}. */
  PeerSpace space(Direction direction) {
    return spaces.get(direction);
  }

  /** The allow rules with L7 rules, by subject. */
  L7Index l7Index() {
    return l7Index;
  }

  /** Whether identity {@code subject} is isolated (default deny) in the allow tier. */
  boolean isIsolated(Direction direction, int subject) {
    return isolated.get(direction).get(subject);
  }

  /**
   * The workloads isolated (default deny) in {@code direction} by the allow tier: those that a
   * NetworkPolicy or a Cilium policy selects for that direction.
   */
  public List<dev.gatehouse.kube.Workload> isolatedWorkloads(Direction direction) {
    BitSet b = isolated.get(direction);
    List<dev.gatehouse.kube.Workload> out = new ArrayList<>();
    for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
      out.addAll(identities.get(i).members());
    }
    return out;
  }

  /** The isolation markers that select {@code subject} in {@code direction}. */
  List<Isolation> isolationsOf(Direction direction, int subject) {
    List<Isolation> all = isolations.get(direction);
    int[] idx = isolationsBySubject.get(direction)[subject];
    List<Isolation> out = new ArrayList<>(idx.length);
    for (int i : idx) {
      out.add(all.get(i));
    }
    return out;
  }

  /** The rules applying to {@code subject} in {@code direction}, in precedence order. */
  List<IndexedRule> rulesOf(Direction direction, int subject) {
    int[] idx = rulesBySubject.get(direction)[subject];
    List<IndexedRule> out = new ArrayList<>(idx.length);
    for (int i : idx) {
      out.add(rules.get(i));
    }
    return out;
  }

  /** Every indexed rule. */
  List<IndexedRule> rules() {
    return rules;
  }

  /**
   * Resolves {@code ns/name} (a workload of any kind; {@code name} alone means namespace {@code
   * default}), an IP address, or a cluster entity written {@code reserved:host}, {@code
   * reserved:remote-node} or {@code reserved:kube-apiserver}.
   */
  public java.util.Optional<Endpoint> resolve(String spec) {
    for (dev.gatehouse.netpol.ir.ClusterEntity e : dev.gatehouse.netpol.ir.ClusterEntity.values()) {
      if (spec.equals("reserved:" + e.label())) {
        return java.util.Optional.of(new Endpoint.OfEntity(e));
      }
    }
    if (!spec.contains("/") || spec.contains(":")) {
      java.util.Optional<IpRange> ip = IpRange.parseAddressRange(spec);
      if (ip.isPresent()) {
        return java.util.Optional.of(new Endpoint.OfAddress(ip.get()));
      }
    }
    String ns = spec.contains("/") ? spec.substring(0, spec.indexOf('/')) : "default";
    String name = spec.substring(spec.indexOf('/') + 1);
    for (Identity i : identities.identities()) {
      for (dev.gatehouse.kube.Workload w : i.members()) {
        if (w.namespace().equals(ns) && w.name().equals(name)) {
          return java.util.Optional.of(new Endpoint.OfWorkload(w, i.id()));
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** Every connection allowed from {@code src} to {@code dst} (egress at src ∩ ingress at dst). */
  public ConnectionSet allowed(Endpoint src, Endpoint dst) {
    ConnectionSet egress =
        src instanceof Endpoint.OfWorkload w
            ? PeerView.of(this, Direction.EGRESS, w.identity(), dst).conns()
            : ConnectionSet.ALL;
    if (egress.isEmpty()) {
      return egress;
    }
    ConnectionSet ingress =
        dst instanceof Endpoint.OfWorkload w
            ? result(Direction.INGRESS, w.identity()).get(peerIndex(Direction.INGRESS, src))
            : ConnectionSet.ALL;
    return egress.intersect(ingress);
  }

  /**
   * Explains whether {@code src} may connect to {@code dst} (on {@code protocol}/{@code port} when
   * given): the verdict of each side and the rules responsible.
   */
  public Verdict explain(
      Endpoint src,
      Endpoint dst,
      java.util.Optional<dev.gatehouse.netpol.algebra.Protocol> protocol,
      java.util.OptionalInt port) {
    return explain(src, dst, protocol, port, java.util.Optional.empty());
  }

  /**
   * Explains whether {@code src} may connect to {@code dst} and, when {@code http} is given, send
   * that HTTP request on the connection (which then needs a TCP port): the verdict of each side,
   * the L7 rules that filter the connection, and the checks of the request (and, for a DNS name
   * destination, of its resolution), each with the rules responsible.
   *
   * @throws IllegalArgumentException when {@code http} is given without a TCP {@code port}
   */
  public Verdict explain(
      Endpoint src,
      Endpoint dst,
      java.util.Optional<dev.gatehouse.netpol.algebra.Protocol> protocol,
      java.util.OptionalInt port,
      java.util.Optional<dev.gatehouse.netpol.l7.HttpRequest> http) {
    Verdict l4 = explainL4(src, dst, protocol, port);
    return RequestChecks.complete(this, l4, http);
  }

  private Verdict explainL4(
      Endpoint src,
      Endpoint dst,
      java.util.Optional<dev.gatehouse.netpol.algebra.Protocol> protocol,
      java.util.OptionalInt port) {
    Explainer x = new Explainer(this);
    DirectionVerdict egress = x.explain(Direction.EGRESS, src, dst, protocol, port);
    DirectionVerdict ingress = x.explain(Direction.INGRESS, dst, src, protocol, port);
    ConnectionSet conns = egress.conns().intersect(ingress.conns());
    ConnectionSet asked =
        protocol.isEmpty()
            ? ConnectionSet.ALL
            : port.isEmpty()
                ? ConnectionSet.allOf(protocol.get())
                : ConnectionSet.of(
                    protocol.get(), dev.gatehouse.netpol.algebra.PortSet.of(port.getAsInt()));
    boolean allowed = !conns.intersect(asked).isEmpty();
    return new Verdict(src, dst, protocol, port, allowed, conns, egress, ingress);
  }

  /** The index of {@code e} in {@code direction}'s peer space. */
  int peerIndex(Direction direction, Endpoint e) {
    return switch (e) {
      case Endpoint.OfWorkload w -> w.identity();
      case Endpoint.OfAddress a -> {
        List<IpRange> ips = ipPeers.get(direction);
        for (int i = 0; i < ips.size(); i++) {
          if (ips.get(i).contains(a.address())) {
            yield identities.size() + i;
          }
        }
        throw new IllegalStateException("address partition does not cover " + a.label());
      }
      case Endpoint.OfEntity en -> spaces.get(direction).indexOf(en.entity());
      case Endpoint.OfName n ->
          throw new IllegalArgumentException(n.label() + " is not a peer of the peer space");
    };
  }

  /** The identity at a peer index of the peer space, or null for an address range. */
  @Nullable Identity identityAt(int peer) {
    return peer < identities.size() ? identities.get(peer) : null;
  }

  /** What {@code subject} allows in {@code direction}, computed once. */
  DirectionalResult result(Direction direction, int subject) {
    DirectionalResult[] cache = results.get(direction);
    DirectionalResult r = cache[subject];
    if (r == null) {
      r = SubjectEvaluator.evaluate(this, direction, subject);
      cache[subject] = r;
    }
    return r;
  }

  /** Computes every subject's results in both directions, in parallel. */
  void computeAll() {
    for (Direction d : Direction.values()) {
      IntStream.range(0, identities.size()).parallel().forEach(s -> result(d, s));
    }
  }

  /** The connections allowed from peer {@code src} to peer {@code dst}, both identities. */
  ConnectionSet allowedBetweenIdentities(int src, int dst) {
    ConnectionSet e = result(Direction.EGRESS, src).get(dst);
    return e.isEmpty() ? e : e.intersect(result(Direction.INGRESS, dst).get(src));
  }

  private int[][] indexBySubject(Direction d) {
    int[] counts = new int[identities.size()];
    for (IndexedRule r : rules) {
      BitSet subjects = r.subjects();
      if (r.rule().direction() == d) {
        for (int s = subjects.nextSetBit(0); s >= 0; s = subjects.nextSetBit(s + 1)) {
          counts[s]++;
        }
      }
    }
    int[][] out = new int[identities.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new int[counts[i]];
      counts[i] = 0;
    }
    for (IndexedRule r : rules) {
      if (r.rule().direction() != d) {
        continue;
      }
      BitSet subjects = r.subjects();
      for (int s = subjects.nextSetBit(0); s >= 0; s = subjects.nextSetBit(s + 1)) {
        out[s][counts[s]++] = r.index();
      }
    }
    return out;
  }

  /** For each identity, the positions of the isolation markers selecting it, in list order. */
  private int[][] indexIsolations(Direction d) {
    List<Isolation> list = isolations.get(d);
    int[] counts = new int[identities.size()];
    List<BitSet> subjects = new ArrayList<>(list.size());
    for (Isolation i : list) {
      BitSet b = identities.select(i.subject());
      subjects.add(b);
      b.stream().forEach(s -> counts[s]++);
    }
    int[][] out = new int[identities.size()][];
    for (int s = 0; s < out.length; s++) {
      out[s] = new int[counts[s]];
      counts[s] = 0;
    }
    for (int i = 0; i < subjects.size(); i++) {
      int marker = i;
      subjects.get(i).stream().forEach(s -> out[s][counts[s]++] = marker);
    }
    return out;
  }
}
