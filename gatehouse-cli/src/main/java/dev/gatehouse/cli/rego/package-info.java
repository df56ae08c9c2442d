/**
 * {@code gatehouse rego}: evaluate Rego queries and run Rego unit tests, like {@code opa eval} and
 * {@code opa test}, on the engine in gatehouse-rego.
 */
@NullMarked
package dev.gatehouse.cli.rego;

import org.jspecify.annotations.NullMarked;
