/**
 * The compiler: named stages that resolve names, check rules, order bodies for safety, reject
 * recursion and plan the evaluable form.
 */
@NullMarked
package dev.gatehouse.rego.internal.compile;

import org.jspecify.annotations.NullMarked;
