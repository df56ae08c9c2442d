package dev.gatehouse.admission.verify;

import dev.gatehouse.kube.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A gator Suite ({@code test.gatekeeper.sh/v1alpha1}, {@code kind: Suite}); paths inside are
 * relative to the suite file's directory.
 *
 * @param file the suite file
 * @param name {@code metadata.name}
 * @param skip whether the whole suite is skipped
 * @param tests its tests
 */
public record Suite(Path file, String name, boolean skip, List<Test> tests) {
  /** Copies the list. */
  public Suite {
    tests = List.copyOf(tests);
  }

  /** One test: a template and a constraint, and the cases run against them. */
  public record Test(
      String name,
      String template,
      String constraint,
      boolean invalid,
      boolean skip,
      List<Case> cases,
      SourceLocation location) {
    /** Copies the list. */
    public Test {
      cases = List.copyOf(cases);
    }
  }

  /** One case: an object (or AdmissionReview), optional inventory files, and assertions. */
  public record Case(
      String name,
      String object,
      List<String> inventory,
      boolean skip,
      List<Assertion> assertions,
      SourceLocation location) {
    /** Copies the lists. */
    public Case {
      inventory = List.copyOf(inventory);
      assertions = List.copyOf(assertions);
    }
  }

  /**
   * An assertion: how many results (whose message matches {@code message}, if given) the case must
   * produce.
   *
   * @param expectation {@code yes} (at least one), {@code no} (none) or an exact count
   * @param message an RE2 regex matched anywhere in each result's message
   */
  public record Assertion(Expectation expectation, Optional<String> message) {
    /** Renders the assertion as written: {@code violations: yes, message: "..."}. */
    public String describe() {
      return "violations: " + expectation + message.map(m -> ", message: \"" + m + "\"").orElse("");
    }
  }

  /** {@code violations:} — yes, no, or an exact non-negative count. */
  public sealed interface Expectation {
    /** Whether {@code count} matching results satisfy the expectation. */
    boolean accepts(int count);
  }

  /** {@code violations: yes}: at least one. */
  public record AtLeastOne() implements Expectation {
    @Override
    public boolean accepts(int count) {
      return count >= 1;
    }

    @Override
    public String toString() {
      return "yes";
    }
  }

  /** {@code violations: no}, or {@code 0}. */
  public record Exactly(int count) implements Expectation {
    @Override
    public boolean accepts(int actual) {
      return actual == count;
    }

    @Override
    public String toString() {
      return Integer.toString(count);
    }
  }
}
