package dev.gatehouse.netpol.engine;

import dev.gatehouse.kube.IngressRoutes;
import dev.gatehouse.netpol.algebra.PortSet;

/**
 * One Ingress or Route object exposing a workload through one of its backend services: the TCP
 * ports of the workload the ingress controller reaches that way.
 */
record IngressExposure(IngressRoutes via, String service, PortSet ports) {}
