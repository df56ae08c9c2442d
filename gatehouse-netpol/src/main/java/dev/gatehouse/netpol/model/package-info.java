/**
 * Validated models of the policy APIs (Kubernetes NetworkPolicy, ...), parsed from {@link
 * dev.gatehouse.kube.KubeObject}s with located diagnostics for everything invalid.
 */
@NullMarked
package dev.gatehouse.netpol.model;

import org.jspecify.annotations.NullMarked;
