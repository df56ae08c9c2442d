package dev.gatehouse.rego.internal.eval;

import dev.gatehouse.rego.Location;
import org.jspecify.annotations.Nullable;

/**
 * One planned rule definition.
 *
 * @param params function parameters (patterns), empty otherwise
 * @param key the key of a partial rule, else null
 * @param value the value term
 * @param body the goals in safe order
 * @param frameSize the number of variable slots the body uses
 * @param elseRule the next definition of an else chain
 */
@SuppressWarnings("ArrayRecordComponent") // planned form: arrays for speed, never compared
public record CompiledRule(
    Location loc,
    Operand[] params,
    @Nullable Operand key,
    Operand value,
    Goal[] body,
    int frameSize,
    @Nullable CompiledRule elseRule) {}
