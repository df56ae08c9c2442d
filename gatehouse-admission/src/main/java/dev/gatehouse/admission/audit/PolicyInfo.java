package dev.gatehouse.admission.audit;

import java.util.List;

/**
 * What a report says about a policy: an Azure assignment (its constraints carry its name in the
 * {@code gatehouse.dev/assignment} or {@code azure-policy-assignment-id} annotation) or a
 * constraint of its own.
 *
 * @param name the assignment's or constraint's name (the grouping key)
 * @param displayName a display name
 * @param kind {@code PolicyAssignment}, or the constraint's kind
 * @param target the assigned definition's or initiative's display name ("" for constraints)
 * @param effect the effect ({@code Deny}, {@code Audit}) or the constraint's action
 * @param enforcementMode {@code Default} or {@code DoNotEnforce} ("" for constraints)
 * @param disabled display names of definitions the policy leaves disabled (nothing deployed)
 */
public record PolicyInfo(
    String name,
    String displayName,
    String kind,
    String target,
    String effect,
    String enforcementMode,
    List<String> disabled) {
  /** Copies the list. */
  public PolicyInfo {
    disabled = List.copyOf(disabled);
  }
}
