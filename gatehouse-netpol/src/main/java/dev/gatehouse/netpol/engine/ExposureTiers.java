package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.ContainerPort;
import dev.gatehouse.netpol.algebra.ConnectionSet;
import dev.gatehouse.netpol.algebra.PortSet;
import dev.gatehouse.netpol.algebra.Protocol;
import dev.gatehouse.netpol.ir.Action;
import dev.gatehouse.netpol.ir.PortMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates the precedence tiers for exposure: the same layering as {@link TierEvaluator}, over
 * {@link ExposureConnection}s, so that the container port names of rules towards peers that do not
 * exist yet survive into the result.
 *
 * <p>Design note (netpol-analyzer {@code check.go}, {@code allAllowedXgressConnectionsByk8sNetpols}
 * and {@code allAllowedXgressConnsConsideringAllLayersConns}): admin rules are walked by priority
 * then rule order, first match wins; connections no admin rule took are passed on. If Allow and
 * Deny took everything, the admin layer decides alone. Otherwise, a subject isolated by
 * NetworkPolicies gets the union of its allow rules when no admin rule matched, or the admin allows
 * plus the passed connections the allow rules allow; a subject that is not isolated gets the admin
 * allows plus the passed connections the BaselineAdminNetworkPolicy does not deny (first match).
 * Numbered connections come out exactly as {@link TierEvaluator} computes them; the layering is
 * spelled out here because the names follow netpol-analyzer's algebra (intersection keeps the left
 * operand's names). Cilium deny rules are removed from the passed connections.
 */
final class ExposureTiers {
  private ExposureTiers() {}

  /**
   * The exposure allowed between a subject and a peer.
   *
   * @param rules the subject's rules that match the peer, in precedence order
   * @param isolated whether NetworkPolicies (or Cilium default deny) isolate the subject
   * @param dst the destination identity for named ports, or null to keep names as names
   */
  static ExposureConnection evaluate(
      List<IndexedRule> rules, boolean isolated, @Nullable Identity dst) {
    ExposureConnection allowed = ExposureConnection.NONE;
    ExposureConnection denied = ExposureConnection.NONE;
    ExposureConnection passed = ExposureConnection.NONE;
    ExposureConnection allowTier = ExposureConnection.NONE;
    ExposureConnection denyTier = ExposureConnection.NONE;
    boolean adminMatched = false;
    List<IndexedRule> baseline = new ArrayList<>();
    for (IndexedRule r : rules) {
      ExposureConnection c = conns(r, dst);
      switch (r.rule().tier()) {
        case ADMIN -> {
          adminMatched |= !c.isEmpty();
          ExposureConnection taken = c.subtract(allowed).subtract(denied).subtract(passed);
          switch (r.rule().action()) {
            case ALLOW -> allowed = allowed.union(taken);
            case DENY -> denied = denied.union(taken);
            case PASS -> passed = passed.union(taken);
          }
        }
        case DENY -> denyTier = denyTier.union(c);
        case ALLOW -> allowTier = allowTier.union(c);
        case BASELINE -> baseline.add(r);
      }
    }
    ConnectionSet decided = allowed.ports().union(denied.ports());
    if (decided.isAll()) {
      return allowed;
    }
    ExposureConnection undecided = ExposureConnection.of(ConnectionSet.ALL.subtract(decided));
    ExposureConnection lower = passed.union(undecided.subtract(passed)).subtract(denyTier);
    if (isolated) {
      if (!adminMatched) {
        return allowTier.subtract(denyTier);
      }
      return allowed.union(lower.intersect(allowTier).subtract(denied));
    }
    return allowed.union(lower.subtract(baselineDenied(baseline, dst)));
  }

  /** What the baseline rules deny, first match winning. */
  private static ExposureConnection baselineDenied(
      List<IndexedRule> baseline, @Nullable Identity dst) {
    ExposureConnection allowed = ExposureConnection.NONE;
    ExposureConnection denied = ExposureConnection.NONE;
    for (IndexedRule r : baseline) {
      ExposureConnection taken = conns(r, dst).subtract(allowed).subtract(denied);
      if (r.rule().action() == Action.ALLOW) {
        allowed = allowed.union(taken);
      } else {
        denied = denied.union(taken);
      }
    }
    return denied;
  }

  /**
   * {@code c} with its container port names resolved on {@code pod}'s ports, as netpol-analyzer
   * resolves a pod's entire-cluster ingress exposure ({@code pod.go
   * checkAndConvertNamedPortsInConnection}): a name under a protocol becomes the port's number
   * under that protocol, and stays a name when the pod has no such port; names without protocol
   * become the port's number under the port's protocol, and once one of them resolves, the
   * unresolved ones are dropped.
   */
  static ExposureConnection resolveNames(ExposureConnection c, Identity pod) {
    ConnectionSet ports = c.ports();
    TreeMap<String, SortedSet<String>> names = new TreeMap<>();
    for (var e : c.names().entrySet()) {
      boolean unknownProtocol = e.getKey().isEmpty();
      SortedSet<String> left = new TreeSet<>();
      boolean resolved = false;
      for (String name : e.getValue()) {
        ContainerPort cp = portNamed(pod, name);
        if (cp == null) {
          left.add(name);
          continue;
        }
        Protocol protocol =
            unknownProtocol
                ? Protocol.parse(cp.protocol()).orElse(Protocol.TCP)
                : Protocol.valueOf(e.getKey());
        ports = ports.union(ConnectionSet.of(protocol, PortSet.of(cp.port())));
        resolved = true;
      }
      if (!(unknownProtocol && resolved)) {
        names.put(e.getKey(), left);
      }
    }
    return new ExposureConnection(ports, names);
  }

  private static @Nullable ContainerPort portNamed(Identity pod, String name) {
    for (ContainerPort cp : pod.ports()) {
      if (cp.name().equals(name)) {
        return cp;
      }
    }
    return null;
  }

  /**
   * A rule's connections towards {@code dst}: named ports resolved on it, or kept as names (under
   * the port's protocol, or none) when there is no destination identity.
   */
  static ExposureConnection conns(IndexedRule r, @Nullable Identity dst) {
    ConnectionSet numbered = r.conns(dst);
    if (dst != null) {
      return ExposureConnection.of(numbered);
    }
    TreeMap<String, SortedSet<String>> names = new TreeMap<>();
    for (PortMatch p : r.rule().ports()) {
      if (p instanceof PortMatch.Named n) {
        String protocol = n.protocol().map(Enum::name).orElse("");
        names.computeIfAbsent(protocol, k -> new TreeSet<>()).add(n.name());
      }
    }
    return new ExposureConnection(numbered, names);
  }
}
