package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.LabelSelector;
import dev.gatehouse.kube.Namespace;
import java.util.Map;
import java.util.Optional;

/** The other end of an exposure: the whole cluster, peers that may exist, or an external range. */
public sealed interface ExposureTarget {

  /** Every pod of every namespace, existing or not. */
  record EntireCluster() implements ExposureTarget {}

  /**
   * Pods that a policy rule selects by labels, standing also for pods that do not exist yet: those
   * matching {@code pods} in namespaces matching {@code namespaces}. An empty selector means every
   * namespace, or every pod.
   */
  record Representative(LabelSelector namespaces, LabelSelector pods) implements ExposureTarget {

    /**
     * The namespace's name when {@code namespaces} selects exactly one namespace by its name label
     * (and nothing else).
     */
    public Optional<String> namespaceName() {
      Map<String, String> labels = namespaces.matchLabels();
      if (labels.size() == 1
          && namespaces.expressions().isEmpty()
          && labels.containsKey(Namespace.NAME_LABEL)) {
        return Optional.of(labels.get(Namespace.NAME_LABEL));
      }
      return Optional.empty();
    }
  }

  /** An address range outside the cluster (a peer of the connectivity report). */
  record External(Peer peer) implements ExposureTarget {}
}
