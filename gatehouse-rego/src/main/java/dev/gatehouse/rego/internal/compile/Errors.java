package dev.gatehouse.rego.internal.compile;

import dev.gatehouse.rego.Location;
import dev.gatehouse.rego.RegoError;
import dev.gatehouse.rego.RegoException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects compile errors of one stage; {@link #throwIfAny} ends the compilation after it. */
final class Errors {
  private final List<RegoError> errors = new ArrayList<>();

  void add(String code, Location loc, String message) {
    RegoError e = new RegoError(code, loc, message);
    if (!errors.contains(e)) {
      errors.add(e);
    }
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      List<RegoError> sorted = new ArrayList<>(errors);
      sorted.sort(
          Comparator.comparing((RegoError e) -> e.location().file())
              .thenComparingInt(e -> e.location().row())
              .thenComparingInt(e -> e.location().col()));
      throw new RegoException(sorted);
    }
  }
}
