package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a driver found: the constraint, the template's message, and its {@code details} (an empty
 * object when the template gives none).
 */
public record Violation(Constraint constraint, String message, JsonNode details) {}
