package dev.gatehouse.netpol.engine;

import java.util.Map;

/**
 * A pod that no manifest defines but an analysis needs as a peer, such as the ingress controller:
 * it gets an identity of its own (with no member workloads) so that policies select it, and allow
 * or deny its traffic, exactly as they would a real pod with these labels in this namespace.
 *
 * @param name how analyses name it (it is never printed as a workload)
 * @param labels its pod labels
 */
public record SyntheticEndpoint(String name, String namespace, Map<String, String> labels) {
  /** Copies the labels. */
  public SyntheticEndpoint {
    labels = Map.copyOf(labels);
  }
}
