package dev.gatehouse.netpol.model;

import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.netpol.algebra.IpSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.ir.Action;
import java.util.List;

/**
 * A validated AdminNetworkPolicy (policy.networking.k8s.io/v1alpha1): a cluster-scoped policy whose
 * rules are read as written (no implicit isolation), ordered by {@code priority} (lower first) and
 * then by rule order, the first matching rule deciding.
 *
 * <p>The nested types are shared with {@link BaselineAdminNetworkPolicy}, as in the API's {@code
 * shared_types.go}. Selectors are normalized: a {@code namespaces} selector is a pod selector
 * {@code {}} inside the selected namespaces.
 *
 * @param priority 0..1000; unique among the accepted policies
 */
public record AdminNetworkPolicy(
    String name,
    int priority,
    Subject subject,
    List<Rule> ingress,
    List<Rule> egress,
    KubeObject source) {

  /** Copies the lists. */
  public AdminNetworkPolicy {
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
  }

  /** The pods a policy applies to: pods matching {@code podSelector} in matching namespaces. */
  public record Subject(LabelSelector namespaceSelector, LabelSelector podSelector) {}

  /**
   * One ingress or egress rule.
   *
   * @param index 0-based position in the policy's rule list of its direction
   * @param name the rule's name ("" when unset)
   * @param peers the peers it matches (any of them); never empty
   * @param ports the port clauses (any of them); empty means every port of every protocol
   * @param pointer JSON pointer of the rule inside the policy object
   */
  public record Rule(
      int index, String name, Action action, List<Peer> peers, List<Port> ports, String pointer) {
    /** Copies the lists. */
    public Rule {
      peers = List.copyOf(peers);
      ports = List.copyOf(ports);
    }
  }

  /** A rule peer: pods by selectors, or (egress only) external networks. */
  public sealed interface Peer {}

  /** Pods matching {@code podSelector} in namespaces matching {@code namespaceSelector}. */
  public record PodPeer(LabelSelector namespaceSelector, LabelSelector podSelector)
      implements Peer {}

  /** The addresses of the CIDRs of an egress {@code networks} peer. */
  public record NetworkPeer(List<String> cidrs, IpSet addresses) implements Peer {
    /** Copies the list. */
    public NetworkPeer {
      cidrs = List.copyOf(cidrs);
    }
  }

  /** A rule port clause. */
  public sealed interface Port {}

  /** {@code portNumber}: one port of one protocol. */
  public record PortNumber(Protocol protocol, int port) implements Port {}

  /** {@code portRange}: ports {@code start..end} (inclusive) of one protocol. */
  public record PortRange(Protocol protocol, int start, int end) implements Port {}

  /**
   * {@code namedPort}: a container port name, resolved on the destination pod with its protocol.
   */
  public record NamedPort(String name) implements Port {}
}
