/**
 * Lexer and recursive-descent parser turning Rego source text (v0 syntax plus the v1 keywords when
 * imported) into the syntax tree.
 */
@NullMarked
package dev.gatehouse.rego.internal.parse;

import org.jspecify.annotations.NullMarked;
