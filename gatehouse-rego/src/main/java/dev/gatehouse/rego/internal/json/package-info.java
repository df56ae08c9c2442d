/**
 * A small JSON reader and writer for Rego values (json.marshal, json.unmarshal, the command line).
 */
@NullMarked
package dev.gatehouse.rego.internal.json;

import org.jspecify.annotations.NullMarked;
