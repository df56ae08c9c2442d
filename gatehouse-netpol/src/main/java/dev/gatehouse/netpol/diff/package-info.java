/**
 * Connectivity diff: which connections a change of policies or workloads adds, removes or changes,
 * and which workloads it newly isolates, computed from two connectivity reports.
 *
 * <p>The semantics follow netpol-analyzer's {@code diff} command ({@code pkg/netpol/diff}): peers
 * are matched by their printed names, address ranges are compared on the common refinement of both
 * sides' ranges and merged back into maximal ranges with the same before/after connections.
 */
@NullMarked
package dev.gatehouse.netpol.diff;

import org.jspecify.annotations.NullMarked;
