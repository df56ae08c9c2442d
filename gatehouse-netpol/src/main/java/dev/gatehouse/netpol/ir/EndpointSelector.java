package dev.gatehouse.netpol.ir;

import dev.gatehouse.kube.LabelSelector;

/** Selects workloads: pods matching {@code pods} in the namespaces {@code namespaces} matches. */
public record EndpointSelector(NamespaceMatch namespaces, LabelSelector pods) {}
