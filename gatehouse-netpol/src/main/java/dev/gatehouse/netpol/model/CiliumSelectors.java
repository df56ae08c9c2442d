package dev.gatehouse.netpol.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.kube.Namespace;
import dev.gatehouse.netpol.ir.EndpointSelector;
import dev.gatehouse.netpol.ir.NamespaceMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Translates Cilium endpoint selectors into namespace and pod selectors.
 *
 * <p>Design note ({@code cilium/cilium:pkg/k8s/apis/cilium.io/utils/utils.go} {@code
 * getEndpointSelector} and {@code ParseToCiliumRule}; {@code pkg/labels}): Cilium sees a pod's
 * labels as {@code k8s:<key>}, its namespace as {@code k8s:io.kubernetes.pod.namespace} and each
 * namespace label as {@code k8s:io.cilium.k8s.namespace.labels.<key>}. A key without a source
 * prefix, or with {@code k8s:} or {@code any:}, is the same key, so the prefix is stripped. The
 * namespace key becomes a requirement on the namespace's {@code kubernetes.io/metadata.name} label,
 * the namespace-label keys requirements on the namespace's labels, everything else a pod label
 * requirement. Defaults:
 *
 * <ul>
 *   <li>A CiliumNetworkPolicy's {@code endpointSelector} always applies in the policy's namespace;
 *       a namespace match in it is removed (Cilium logs "illegal namespace match").
 *   <li>A CiliumNetworkPolicy's peer selector without the namespace key and without namespace-label
 *       keys selects in the policy's namespace only; with namespace-label keys it spans every
 *       namespace having those labels.
 *   <li>A clusterwide policy's selectors without the namespace key select in every namespace.
 *   <li>A peer selector on {@code reserved:<entity>} alone is that entity.
 * </ul>
 */
final class CiliumSelectors {
  static final String NS_KEY = "io.kubernetes.pod.namespace";
  static final String NS_LABELS = "io.cilium.k8s.namespace.labels.";
  static final String CLUSTER_KEY = "io.cilium.k8s.policy.cluster";
  static final String SA_KEY = "io.cilium.k8s.policy.serviceaccount";

  /** The cluster name the analysis assumes (Cilium's default {@code cluster-name}). */
  static final String CLUSTER_NAME = "default";

  private CiliumSelectors() {}

  /** A selector split into namespace and pod requirements. */
  private record Split(
      LabelSelector namespaces,
      LabelSelector pods,
      boolean namesNamespace,
      boolean namespaceLabels,
      boolean otherCluster,
      Optional<String> reserved) {}

  /**
   * Translates a peer selector ({@code fromEndpoints}/{@code toEndpoints}); empty when it is
   * invalid (reported) or matches nothing the analysis has.
   *
   * @param policyNs the policy's namespace, "" for a clusterwide policy
   */
  static Optional<CiliumPolicy.Peer> peer(
      JsonNode node, String at, String policyNs, ObjectProblems problems) {
    Optional<Split> parsed = split(node, at, problems);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Split s = parsed.get();
    if (s.reserved().isPresent()) {
      return reserved(s, at, problems);
    }
    if (s.otherCluster()) {
      return Optional.empty();
    }
    NamespaceMatch ns;
    if (s.namesNamespace() || s.namespaceLabels() || policyNs.isEmpty()) {
      ns =
          s.namespaces().isEmpty()
              ? NamespaceMatch.ANY
              : new NamespaceMatch.Selected(s.namespaces());
    } else {
      ns = new NamespaceMatch.Named(policyNs);
    }
    return Optional.of(new CiliumPolicy.EndpointsPeer(new EndpointSelector(ns, s.pods())));
  }

  /**
   * Translates an {@code endpointSelector}; empty when it is invalid (reported) or selects nothing
   * the analysis has (then the rule applies to nobody).
   */
  static Optional<EndpointSelector> subject(
      JsonNode node, String at, String policyNs, ObjectProblems problems) {
    Optional<Split> parsed = split(node, at, problems);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Split s = parsed.get();
    if (s.reserved().isPresent()) {
      problems.warning(
          at, "an endpointSelector on reserved: labels selects no workload; the rule is ignored");
      return Optional.empty();
    }
    if (s.otherCluster()) {
      return Optional.empty();
    }
    if (policyNs.isEmpty()) {
      NamespaceMatch ns =
          s.namespaces().isEmpty()
              ? NamespaceMatch.ANY
              : new NamespaceMatch.Selected(s.namespaces());
      return Optional.of(new EndpointSelector(ns, s.pods()));
    }
    if (s.namesNamespace()) {
      problems.warning(
          at,
          "endpointSelector always applies in the policy's namespace "
              + policyNs
              + "; its namespace match is removed");
    }
    LabelSelector nsLabels = withoutNameKey(s.namespaces());
    if (nsLabels.isEmpty()) {
      return Optional.of(new EndpointSelector(new NamespaceMatch.Named(policyNs), s.pods()));
    }
    Map<String, String> named = new TreeMap<>(nsLabels.matchLabels());
    named.put(Namespace.NAME_LABEL, policyNs);
    return Optional.of(
        new EndpointSelector(
            new NamespaceMatch.Selected(new LabelSelector(named, nsLabels.expressions())),
            s.pods()));
  }

  private static LabelSelector withoutNameKey(LabelSelector s) {
    Map<String, String> labels = new TreeMap<>(s.matchLabels());
    labels.remove(Namespace.NAME_LABEL);
    List<LabelSelector.Requirement> reqs =
        s.expressions().stream().filter(r -> !r.key().equals(Namespace.NAME_LABEL)).toList();
    return new LabelSelector(labels, reqs);
  }

  private static Optional<CiliumPolicy.Peer> reserved(Split s, String at, ObjectProblems problems) {
    Optional<CiliumPolicy.Entity> e = CiliumPolicy.Entity.parse(s.reserved().get());
    boolean alone = s.pods().isEmpty() && s.namespaces().isEmpty();
    if (e.isEmpty() || !alone) {
      problems.warning(
          at,
          "selector on reserved:"
              + s.reserved().get()
              + (alone ? " names no known entity" : " combined with other labels")
              + "; it matches nothing here");
      return Optional.empty();
    }
    return Optional.of(new CiliumPolicy.EntityPeer(e.get()));
  }

  private static Optional<Split> split(JsonNode node, String at, ObjectProblems problems) {
    Optional<LabelSelector> parsed =
        LabelSelector.parse(node, problems.object(), at, problems.diagnostics());
    if (parsed.isEmpty()) {
      problems.fail();
      return Optional.empty();
    }
    Splitter sp = new Splitter(at, problems);
    parsed.get().matchLabels().forEach(sp::label);
    parsed.get().expressions().forEach(sp::requirement);
    return sp.failed ? Optional.empty() : Optional.of(sp.result());
  }

  /** Sorts requirements by what they look at. */
  private static final class Splitter {
    private final String at;
    private final ObjectProblems problems;
    private final Map<String, String> nsLabels = new TreeMap<>();
    private final List<LabelSelector.Requirement> nsReqs = new ArrayList<>();
    private final Map<String, String> podLabels = new TreeMap<>();
    private final List<LabelSelector.Requirement> podReqs = new ArrayList<>();
    private boolean namesNamespace;
    private boolean namespaceLabels;
    private boolean otherCluster;
    private Optional<String> reserved = Optional.empty();
    private boolean failed;

    Splitter(String at, ObjectProblems problems) {
      this.at = at;
      this.problems = problems;
    }

    void label(String rawKey, String value) {
      Optional<String> key = key(rawKey);
      if (key.isEmpty()) {
        return;
      }
      String k = key.get();
      if (k.equals(NS_KEY)) {
        namesNamespace = true;
        nsLabels.put(Namespace.NAME_LABEL, value);
      } else if (k.startsWith(NS_LABELS)) {
        namespaceLabels = true;
        nsLabels.put(k.substring(NS_LABELS.length()), value);
      } else if (k.equals(CLUSTER_KEY)) {
        otherCluster |= !value.equals(CLUSTER_NAME);
        warnCluster(otherCluster);
      } else if (!unsupported(k)) {
        podLabels.put(k, value);
      }
    }

    void requirement(LabelSelector.Requirement r) {
      Optional<String> key = key(r.key());
      if (key.isEmpty()) {
        return;
      }
      String k = key.get();
      if (k.equals(NS_KEY)) {
        namesNamespace = true;
        nsReqs.add(new LabelSelector.Requirement(Namespace.NAME_LABEL, r.operator(), r.values()));
      } else if (k.startsWith(NS_LABELS)) {
        namespaceLabels = true;
        nsReqs.add(
            new LabelSelector.Requirement(
                k.substring(NS_LABELS.length()), r.operator(), r.values()));
      } else if (k.equals(CLUSTER_KEY)) {
        otherCluster |= !r.matches(Map.of(CLUSTER_KEY, CLUSTER_NAME));
        warnCluster(otherCluster);
      } else if (!unsupported(k)) {
        podReqs.add(new LabelSelector.Requirement(k, r.operator(), r.values()));
      }
    }

    private void warnCluster(boolean other) {
      if (other) {
        problems.warning(
            at,
            "selects endpoints of another cluster; the analysis covers one cluster named "
                + CLUSTER_NAME
                + ", so it matches nothing here");
      }
    }

    private boolean unsupported(String key) {
      if (key.equals(SA_KEY)) {
        problems.error(
            at,
            SA_KEY + " selectors are not supported: the analysis does not read service accounts");
        failed = true;
        return true;
      }
      return false;
    }

    /** The key without its source prefix; empty for a reserved key or a bad source. */
    private Optional<String> key(String raw) {
      int colon = raw.indexOf(':');
      if (colon < 0) {
        return Optional.of(raw);
      }
      String source = raw.substring(0, colon);
      String rest = raw.substring(colon + 1);
      switch (source) {
        case "k8s", "any" -> {
          return Optional.of(rest);
        }
        case "reserved" -> {
          reserved = Optional.of(rest);
          return Optional.empty();
        }
        default -> {
          problems.error(
              at,
              "label source \""
                  + source
                  + ":\" is not supported (use a plain key, k8s: or any:, or reserved:)");
          failed = true;
          return Optional.empty();
        }
      }
    }

    Split result() {
      return new Split(
          new LabelSelector(nsLabels, nsReqs),
          new LabelSelector(podLabels, podReqs),
          namesNamespace,
          namespaceLabels,
          otherCluster,
          reserved);
    }
  }
}
