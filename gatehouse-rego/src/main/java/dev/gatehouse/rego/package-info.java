/**
 * Rego, the policy language of Open Policy Agent, for the JVM: parse and compile modules once with
 * {@link dev.gatehouse.rego.Rego#compile}, then evaluate queries against an input and base data
 * with {@link dev.gatehouse.rego.CompiledPolicy}. Values are immutable {@link
 * dev.gatehouse.rego.Value}s; every user-facing problem is a {@link
 * dev.gatehouse.rego.RegoException} carrying OPA's error codes.
 */
@NullMarked
package dev.gatehouse.rego;

import org.jspecify.annotations.NullMarked;
