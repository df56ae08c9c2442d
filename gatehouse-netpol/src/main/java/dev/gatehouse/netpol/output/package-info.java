/** Renderers of analysis results, one per output format; deterministic byte for byte. */
@NullMarked
package dev.gatehouse.netpol.output;

import org.jspecify.annotations.NullMarked;
