package dev.gatehouse.kube;

import java.util.Map;

/**
 * A namespace with its labels, including the implicit {@code kubernetes.io/metadata.name}. {@code
 * defined} is false for namespaces that workloads use but no Namespace object defines.
 */
public record Namespace(String name, Map<String, String> labels, boolean defined) {
  /** The label Kubernetes sets on every namespace to its name. */
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";
}
