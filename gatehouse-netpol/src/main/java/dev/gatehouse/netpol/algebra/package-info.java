/**
 * Immutable sets that policy analysis computes with: port interval sets, per-protocol connection
 * sets and IP interval sets. One implementation shared by analysis and enforcement.
 */
@NullMarked
package dev.gatehouse.netpol.algebra;

import org.jspecify.annotations.NullMarked;
