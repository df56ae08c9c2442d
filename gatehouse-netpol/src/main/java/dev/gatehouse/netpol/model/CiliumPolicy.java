package dev.gatehouse.netpol.model;

import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.netpol.algebra.IpSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.l7.FqdnPattern;
import dev.gatehouse.netpol.l7.L7Rules;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A validated CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy (cilium.io/v2): its rules
 * ({@code spec} and every element of {@code specs}), with Cilium's defaults applied and its label
 * selectors already translated to namespace and pod selectors (see {@link CiliumSelectors}).
 *
 * @param namespace the policy's namespace; "" for a clusterwide policy
 */
public record CiliumPolicy(
    boolean clusterwide, String namespace, String name, List<Rule> rules, KubeObject source) {

  /** Copies the list. */
  public CiliumPolicy {
    rules = List.copyOf(rules);
  }

  /** {@code CiliumNetworkPolicy} or {@code CiliumClusterwideNetworkPolicy}. */
  public String kind() {
    return clusterwide ? "CiliumClusterwideNetworkPolicy" : "CiliumNetworkPolicy";
  }

  /** {@code ns/name}, or {@code name} for a clusterwide policy. */
  public String id() {
    return clusterwide ? name : namespace + "/" + name;
  }

  /**
   * One rule ({@code spec}, or one element of {@code specs}).
   *
   * @param label "" for {@code spec}, {@code specs[i] } for an element of {@code specs}
   * @param pointer JSON pointer of the rule inside the object
   * @param subject the endpoints the rule applies to
   * @param defaultDenyIngress whether the rule puts its subject into ingress default deny ({@code
   *     enableDefaultDeny.ingress}, defaulting to "has ingress or ingressDeny rules")
   */
  public record Rule(
      String label,
      String pointer,
      EndpointSelector subject,
      List<Section> ingress,
      List<Section> ingressDeny,
      List<Section> egress,
      List<Section> egressDeny,
      boolean defaultDenyIngress,
      boolean defaultDenyEgress) {
    /** Copies the lists. */
    public Rule {
      ingress = List.copyOf(ingress);
      ingressDeny = List.copyOf(ingressDeny);
      egress = List.copyOf(egress);
      egressDeny = List.copyOf(egressDeny);
    }
  }

  /**
   * One entry of {@code ingress}, {@code ingressDeny}, {@code egress} or {@code egressDeny}: its L3
   * peers and its {@code toPorts}, ANDed.
   *
   * @param index 0-based position in its list
   * @param anyPeer whether the entry names no L3 peer but has {@code toPorts}: then it matches
   *     every peer (an entry with neither matches nothing)
   * @param peers the L3 peers (any of them)
   * @param toPorts the port rules (any of them); empty means every port
   * @param icmpOnly whether the entry allows only ICMP ({@code icmps} without {@code toPorts}),
   *     which the analysis does not model: it then allows nothing analysed
   */
  public record Section(
      int index,
      String pointer,
      boolean anyPeer,
      List<Peer> peers,
      List<PortRule> toPorts,
      boolean icmpOnly) {
    /** Copies the lists. */
    public Section {
      peers = List.copyOf(peers);
      toPorts = List.copyOf(toPorts);
    }
  }

  /** An L3 peer of a section. */
  public sealed interface Peer {}

  /** Endpoints chosen by a translated {@code fromEndpoints}/{@code toEndpoints} selector. */
  public record EndpointsPeer(EndpointSelector selector) implements Peer {}

  /** A Cilium entity ({@code fromEntities}/{@code toEntities}, or a {@code reserved:} label). */
  public record EntityPeer(Entity entity) implements Peer {}

  /** Addresses of a CIDR, a CIDR set minus its {@code except} entries, or one address. */
  public record CidrPeer(String text, IpSet addresses) implements Peer {}

  /** A DNS name or pattern ({@code toFQDNs}). */
  public record FqdnPeer(FqdnPattern pattern) implements Peer {}

  /** The entities of {@code pkg/policy/api/entity.go}. */
  public enum Entity {
    /** Everything. */
    ALL,
    /** Every address outside the cluster. */
    WORLD,
    /** Every IPv4 address outside the cluster. */
    WORLD_IPV4,
    /** Every IPv6 address outside the cluster. */
    WORLD_IPV6,
    /** Every endpoint of the cluster, the nodes and the API server. */
    CLUSTER,
    /** The local node. */
    HOST,
    /** The other nodes. */
    REMOTE_NODE,
    /** The API server. */
    KUBE_APISERVER,
    /** Endpoints still being initialised (not present in a static input). */
    INIT,
    /** Cilium's health endpoints (not present in a static input). */
    HEALTH,
    /** Endpoints Cilium does not manage (not present in a static input). */
    UNMANAGED,
    /** Cilium's ingress proxy (not present in a static input). */
    INGRESS,
    /** Nothing. */
    NONE;

    /** The entity named {@code s} as Cilium spells it ({@code remote-node}, ...). */
    public static Optional<Entity> parse(String s) {
      for (Entity e : values()) {
        if (e.spelling().equals(s)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }

    /** Cilium's spelling, e.g. {@code world-ipv4}. */
    public String spelling() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One {@code toPorts} entry: its ports (any of them) and the L7 rules that restrict them.
   *
   * @param ports the ports; an entry without ports matches nothing (Cilium merges one filter per
   *     listed port)
   * @param rules the L7 rules, {@link L7Rules#NONE} when there are none
   */
  public record PortRule(List<PortProtocol> ports, L7Rules rules) {
    /** Copies the list. */
    public PortRule {
      ports = List.copyOf(ports);
    }
  }

  /**
   * One {@code ports} entry.
   *
   * @param protocols the protocols ({@code ANY}: all three); empty when the protocol is not one the
   *     analysis models (ICMP, VRRP, IGMP), so the entry matches nothing here
   * @param port the first port; empty for every port ({@code "0"}) or a named port
   * @param endPort the last port (equal to {@code port} for a single port)
   * @param name the container port name, for a named port
   */
  public record PortProtocol(
      List<Protocol> protocols, OptionalInt port, int endPort, Optional<String> name) {
    /** Copies the list. */
    public PortProtocol {
      protocols = List.copyOf(protocols);
    }
  }
}
