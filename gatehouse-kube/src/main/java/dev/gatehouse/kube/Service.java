package dev.gatehouse.kube;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Service: its selector (absent for selector-less services) and ports. */
public record Service(
    String namespace,
    String name,
    Optional<Map<String, String>> selector,
    List<ServicePort> ports,
    SourceLocation location) {

  /** One service port; {@code targetPort} is a number or a container port name ("" when unset). */
  public record ServicePort(String name, int port, String targetPort, String protocol) {}
}
