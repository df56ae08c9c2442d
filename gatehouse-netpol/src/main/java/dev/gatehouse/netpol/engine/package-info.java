/**
 * The engine: workload identities, rules indexed by subject and peer, per-direction evaluation
 * through the precedence tiers, connectivity and explanations.
 *
 * <p>Selectors are evaluated once per identity (an equivalence class of workloads that no policy
 * can tell apart); verdicts are computed per identity and peer, never per pod pair and policy.
 */
@NullMarked
package dev.gatehouse.netpol.engine;

import org.jspecify.annotations.NullMarked;
