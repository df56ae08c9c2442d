package dev.gatehouse.admission.verify;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a verify run: one entry per test that ran (or was skipped), in suite-path order,
 * plus problems with the suites themselves.
 */
public record VerifyReport(List<TestOutcome> tests, List<String> problems) {
  /** Copies the lists. */
  public VerifyReport {
    tests = List.copyOf(tests);
    problems = List.copyOf(problems);
  }

  /** The number of tests that passed. */
  public long passed() {
    return tests.stream().filter(t -> t.status() == Status.PASS).count();
  }

  /** The number of tests that failed. */
  public long failed() {
    return tests.stream().filter(t -> t.status() == Status.FAIL).count();
  }

  /** Whether every test passed (skips allowed) and no suite had a problem. */
  public boolean ok() {
    return failed() == 0 && problems.isEmpty();
  }

  /** A test's status. */
  public enum Status {
    /** Every case passed. */
    PASS,
    /** Something failed; see {@link TestOutcome#failures()}. */
    FAIL,
    /** Skipped by the suite. */
    SKIP
  }

  /**
   * One test's outcome.
   *
   * @param suite the suite file
   * @param suiteName the suite's {@code metadata.name}
   * @param test the test name
   * @param status the outcome
   * @param cases how many cases ran
   * @param failures why it failed, one line each ({@code case <name>: ...})
   */
  public record TestOutcome(
      Path suite, String suiteName, String test, Status status, int cases, List<String> failures) {
    /** Copies the list. */
    public TestOutcome {
      failures = List.copyOf(failures);
    }
  }
}
