package dev.gatehouse.admission;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One violation with the action it takes at the enforcement point of the review. A constraint with
 * several scoped actions at that point gives one result per action.
 */
public record Result(
    Constraint constraint, String message, EnforcementAction action, JsonNode details) {

  /** Gatekeeper's message: {@code [<constraint name>] <message>}. */
  public String gatekeeperMessage() {
    return "[" + constraint.name() + "] " + message;
  }

  /**
   * The line a user sees: the message for deny, {@code Warning: <message>} for warn (as kubectl
   * prints admission warnings), {@code Dryrun: <message>} for dryrun.
   */
  public String render() {
    return switch (action) {
      case DENY -> gatekeeperMessage();
      case WARN -> "Warning: " + gatekeeperMessage();
      case DRYRUN -> "Dryrun: " + gatekeeperMessage();
    };
  }
}
