package dev.gatehouse.kube;

import java.util.List;
import java.util.Map;

/**
 * A set of pods that Gatehouse treats as one peer: a controller object (Deployment, StatefulSet,
 * ...) or a Pod without a controller, keyed {@code ns/name[Kind]}.
 *
 * @param labels the pod labels (of the template, or of the first pod)
 * @param podLabelSets every distinct label set seen among the workload's pods (size 1 normally)
 * @param ports container ports of all containers
 * @param replicas desired pod count (1 when unset)
 * @param podIps IPs of the pods, when the input has them (status.podIPs)
 */
public record Workload(
    String namespace,
    String name,
    String kind,
    Map<String, String> labels,
    List<Map<String, String>> podLabelSets,
    List<ContainerPort> ports,
    int replicas,
    List<String> podIps,
    boolean hostNetwork,
    SourceLocation location) {

  /** The workload's key and display name, {@code ns/name[Kind]}. */
  public String key() {
    return namespace + "/" + name + "[" + kind + "]";
  }
}
