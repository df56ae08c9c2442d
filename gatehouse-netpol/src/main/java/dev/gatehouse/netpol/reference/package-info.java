/**
 * A deliberately simple evaluator of Kubernetes NetworkPolicy, written from the API's definition
 * pair by pair and policy by policy, with no identities, indexes or IR. It is the oracle that the
 * property tests and the benchmarks compare the engine against; it is slow on purpose.
 */
@NullMarked
package dev.gatehouse.netpol.reference;

import org.jspecify.annotations.NullMarked;
