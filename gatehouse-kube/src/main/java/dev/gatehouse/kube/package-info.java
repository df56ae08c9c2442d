/**
 * Kubernetes objects as Gatehouse sees them: loading from files, directories and stdin with source
 * positions, label selectors, and the cluster snapshot (namespaces, workloads, services, ingresses)
 * that the policy engines evaluate against.
 */
@NullMarked
package dev.gatehouse.kube;

import org.jspecify.annotations.NullMarked;
