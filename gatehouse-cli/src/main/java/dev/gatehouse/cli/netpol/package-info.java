/** Network-policy commands: connectivity, eval, explain, generate-cluster. */
@NullMarked
package dev.gatehouse.cli.netpol;

import org.jspecify.annotations.NullMarked;
