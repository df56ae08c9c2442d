/** Rego builtin functions, declared in one table (name, arity) apart from their implementations. */
@NullMarked
package dev.gatehouse.rego.internal.builtins;

import org.jspecify.annotations.NullMarked;
