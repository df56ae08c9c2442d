/**
 * Lint: rules that read network policies together with the workloads of the input and report likely
 * mistakes (DNS blocked by an egress default deny, selectors that select nothing, rules that can
 * never matter, CIDR rules that behave differently per network plugin, ...). Each rule has a stable
 * id, a default severity and a documented catalogue entry (docs/lint.md); findings name the file,
 * line and object and say how to fix them. Rules judge what the engine compiled, so they agree with
 * connectivity and explain.
 */
@NullMarked
package dev.gatehouse.netpol.lint;

import org.jspecify.annotations.NullMarked;
