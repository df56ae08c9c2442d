package dev.gatehouse.rego;

/**
 * Rego source text to compile.
 *
 * @param filename the name used in error locations
 * @param source the module text, starting with {@code package}
 */
public record RegoModule(String filename, String source) {}
