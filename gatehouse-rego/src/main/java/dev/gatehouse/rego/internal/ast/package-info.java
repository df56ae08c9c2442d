/**
 * The immutable Rego syntax tree produced by the parser: terms, expressions, rules and modules,
 * each with its location.
 */
@NullMarked
package dev.gatehouse.rego.internal.ast;

import org.jspecify.annotations.NullMarked;
