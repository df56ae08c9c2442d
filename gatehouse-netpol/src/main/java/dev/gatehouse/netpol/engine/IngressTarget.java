package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.IngressRoutes;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.PortSet;

/**
 * A workload that Ingress or Route objects expose, with the TCP ports the ingress controller needs.
 *
 * @param via the first object exposing it (an Ingress in preference to a Route), for messages
 */
record IngressTarget(Workload workload, PortSet ports, IngressRoutes via) {

  /** Both targets' ports; the preferred of the two objects. */
  IngressTarget merge(IngressTarget other) {
    IngressRoutes v =
        via.kind().equals("Route") && other.via.kind().equals("Ingress") ? other.via : via;
    return new IngressTarget(workload, ports.union(other.ports), v);
  }
}
