package dev.gatehouse.rego;

/**
 * The value of one query expression in one result, as {@code opa eval} reports it.
 *
 * @param value the term's value, or {@code true} for unifications and other literals
 * @param text the expression's source text
 * @param location where the expression starts in the query
 */
public record ExpressionValue(Value value, String text, Location location) {}
