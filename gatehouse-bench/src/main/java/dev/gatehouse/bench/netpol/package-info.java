/**
 * Network-policy benchmarks: JMH latency of {@code allowed}/{@code explain} on a compiled network,
 * and a bounded runner timing load, analysis and output of generated clusters against the reference
 * evaluator.
 */
@NullMarked
package dev.gatehouse.bench.netpol;

import org.jspecify.annotations.NullMarked;
