/**
 * Synthetic clusters for benchmarks and demos: realistic microsegmented namespaces (default deny,
 * DNS egress, tiered application allows, cross-namespace and external rules), deterministic from a
 * seed and written as ordinary manifests.
 */
@NullMarked
package dev.gatehouse.netpol.synth;

import org.jspecify.annotations.NullMarked;
