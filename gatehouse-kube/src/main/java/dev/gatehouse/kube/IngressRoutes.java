package dev.gatehouse.kube;

import java.util.List;

/**
 * An Ingress or an OpenShift Route reduced to what network analysis needs: the services it sends
 * traffic to.
 *
 * @param kind {@code Ingress} or {@code Route}
 */
public record IngressRoutes(
    String kind, String namespace, String name, List<Backend> backends, SourceLocation location) {

  /**
   * A backend service and the port named by the Ingress/Route: a number, a port name, or "" (all
   * service ports).
   */
  public record Backend(String service, String port) {}
}
