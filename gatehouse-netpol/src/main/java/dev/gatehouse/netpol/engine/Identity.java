package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.ContainerPort;
import dev.gatehouse.kube.Workload;
import java.util.List;
import java.util.Map;

/**
 * Workloads that no policy can tell apart: same namespace (hence namespace labels), same pod
 * labels, same container ports.
 *
 * @param id dense index, used in bit sets
 */
public record Identity(
    int id,
    String namespace,
    Map<String, String> namespaceLabels,
    Map<String, String> labels,
    List<ContainerPort> ports,
    List<Workload> members) {}
