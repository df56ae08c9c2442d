package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.IngressRoutes;
import dev.gatehouse.kube.Workload;
import dev.gatehouse.netpol.algebra.PortSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload that Ingress or Route objects expose, with the TCP ports the ingress controller needs.
 *
 * @param via the first object exposing it (an Ingress in preference to a Route), for messages
 * @param exposures every object and service exposing it, in input order (for explanations)
 */
record IngressTarget(
    Workload workload, PortSet ports, IngressRoutes via, List<IngressExposure> exposures) {

  /** Copies the list. */
  IngressTarget {
    exposures = List.copyOf(exposures);
  }

  /** Both targets' ports and exposures; the preferred of the two objects. */
  IngressTarget merge(IngressTarget other) {
    IngressRoutes v =
        via.kind().equals("Route") && other.via.kind().equals("Ingress") ? other.via : via;
    List<IngressExposure> all = new ArrayList<>(exposures);
    all.addAll(other.exposures);
    return new IngressTarget(workload, ports.union(other.ports), v, all);
  }
}
