/**
 * The network-policy engine: policy models, the common rule representation they compile into, and
 * the analyses (connectivity, eval, explain) computed on workload identities.
 */
@NullMarked
package dev.gatehouse.netpol;

import org.jspecify.annotations.NullMarked;
