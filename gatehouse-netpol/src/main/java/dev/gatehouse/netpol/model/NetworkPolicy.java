package dev.gatehouse.netpol.model;

import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.LabelSelector;
import java.util.List;

/**
 * A validated Kubernetes NetworkPolicy (networking.k8s.io/v1).
 *
 * @param isolatesIngress whether {@code policyTypes} (after defaulting) includes Ingress
 * @param isolatesEgress whether {@code policyTypes} (after defaulting) includes Egress
 */
public record NetworkPolicy(
    String namespace,
    String name,
    LabelSelector podSelector,
    boolean isolatesIngress,
    boolean isolatesEgress,
    List<Rule> ingress,
    List<Rule> egress,
    KubeObject source) {

  /** {@code ns/name}. */
  public String id() {
    return namespace + "/" + name;
  }

  /**
   * One ingress or egress rule. An empty peer list means every peer; an empty port list every port
   * of every protocol.
   *
   * @param index 0-based position in the policy's rule list
   * @param pointer JSON pointer of the rule inside the policy object
   */
  public record Rule(int index, List<Peer> peers, List<Port> ports, String pointer) {}

  /** A rule peer: pods by selectors, or an IP block. */
  public sealed interface Peer {}

  /**
   * Pods selected by namespace and pod selectors. An absent namespace selector means the policy's
   * namespace; an absent pod selector means every pod of the selected namespaces.
   */
  public record SelectorPeer(
      java.util.Optional<LabelSelector> namespaceSelector,
      java.util.Optional<LabelSelector> podSelector)
      implements Peer {}

  /** Addresses of {@code cidr} minus {@code except}. */
  public record IpBlockPeer(
      String cidr, List<String> except, dev.gatehouse.netpol.algebra.IpSet addresses)
      implements Peer {}

  /**
   * A rule port: a protocol and a number (with optional inclusive end), a container port name, or
   * nothing (every port of the protocol).
   */
  public record Port(
      dev.gatehouse.netpol.algebra.Protocol protocol,
      java.util.OptionalInt port,
      java.util.Optional<String> name,
      java.util.OptionalInt endPort) {}
}
