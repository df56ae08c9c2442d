package dev.gatehouse.admission.rego;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gatehouse.admission.Constraint;
import dev.gatehouse.admission.Violation;
import dev.gatehouse.rego.ArrayValue;
import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.NullValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.SetValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns the value of {@code data.template.violation} into violations as Gatekeeper's hook module
 * and {@code drivers.ToResults} do (frameworks {@code constraint/pkg/client/drivers/rego/rego.go},
 * {@code drivers/to_result.go}).
 *
 * <p>Design note. The hook iterates the rule's members ({@code some r in data.template.violation})
 * and builds {@code {"key": key, "details": object.get(r, "details", {}), "msg": r.msg}} into a
 * set: a member that is not an object or has no {@code msg} is dropped silently; members that agree
 * on {@code msg} and {@code details} (whatever else they hold) count once, ordered as that set
 * orders them (details, then msg). A {@code msg} that is not a string fails the whole query ({@code
 * message binding was json.Number but want string}). Any evaluation error, Gatekeeper's driver
 * turns into one result per constraint of the template with the error text as its message,
 * discarding the other results of that template.
 */
final class HookResults {
  /** A {@code msg} that is not a string: the whole template's review fails. */
  static final class BadMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    BadMessageException(String message) {
      super(message);
    }
  }

  private final List<Violation> violations = new ArrayList<>();

  /** Adds the violations {@code constraint} produced ({@code value} of the violation rule). */
  void add(Constraint constraint, Value value) throws BadMessageException {
    TreeSet<ArrayValue> responses = new TreeSet<>();
    for (Value r : members(value)) {
      if (r instanceof ObjectValue o && o.get("msg") instanceof Value msg) {
        if (!(msg instanceof StringValue)) {
          throw new BadMessageException("message binding was " + goType(msg) + " but want string");
        }
        Value details = o.get("details");
        responses.add(ArrayValue.of(details == null ? ObjectValue.EMPTY : details, msg));
      }
    }
    for (ArrayValue a : responses) {
      violations.add(
          new Violation(constraint, ((StringValue) a.get(1)).value(), RegoValues.toJson(a.get(0))));
    }
  }

  /** The violations added so far, in constraint order. */
  List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** One violation per constraint carrying an evaluation error's text. */
  static List<Violation> errors(List<Constraint> constraints, String message) {
    List<Violation> out = new ArrayList<>(constraints.size());
    for (Constraint c : constraints) {
      out.add(new Violation(c, message, JsonNodeFactory.instance.objectNode()));
    }
    return out;
  }

  private static Collection<Value> members(Value v) {
    return switch (v) {
      case SetValue s -> s.items();
      case ArrayValue a -> a.items();
      case ObjectValue o -> o.entries().values();
      default -> List.of();
    };
  }

  /** The Go type OPA hands a value to Gatekeeper as, for its error message. */
  private static String goType(Value v) {
    return switch (v) {
      case NullValue n -> "<nil>";
      case BooleanValue b -> "bool";
      case NumberValue n -> "json.Number";
      case StringValue s -> "string";
      case ArrayValue a -> "[]interface {}";
      case SetValue s -> "[]interface {}";
      case ObjectValue o -> "map[string]interface {}";
    };
  }
}
