/**
 * The common rule representation every policy API compiles into: rules with a tier, a subject, a
 * direction, peers, ports, an action and their origin. The engine evaluates only this.
 */
@NullMarked
package dev.gatehouse.netpol.ir;

import org.jspecify.annotations.NullMarked;
