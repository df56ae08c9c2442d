/** Compilers from each policy model into the common rule representation. */
@NullMarked
package dev.gatehouse.netpol.compile;

import org.jspecify.annotations.NullMarked;
