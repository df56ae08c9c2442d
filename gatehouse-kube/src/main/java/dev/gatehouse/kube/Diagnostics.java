package dev.gatehouse.kube;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An append-only collector of {@link Diagnostic}s, shared by the stages of one load or analysis.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = Collections.synchronizedList(new ArrayList<>());

  /** Records a diagnostic. */
  public void add(Diagnostic d) {
    items.add(d);
  }

  /** Records an error. */
  public void error(String code, SourceLocation at, String message) {
    add(Diagnostic.error(code, at, message));
  }

  /** Records a warning. */
  public void warning(String code, SourceLocation at, String message) {
    add(Diagnostic.warning(code, at, message));
  }

  /** Records an informational note. */
  public void info(String code, SourceLocation at, String message) {
    add(Diagnostic.info(code, at, message));
  }

  /** A snapshot of everything recorded so far, in order. */
  public List<Diagnostic> all() {
    synchronized (items) {
      return List.copyOf(items);
    }
  }

  /** Whether an error or warning was recorded (what {@code --strict} turns into exit 3). */
  public boolean hasProblems() {
    synchronized (items) {
      return items.stream().anyMatch(d -> d.severity() != Severity.INFO);
    }
  }

  /** Whether an error was recorded. */
  public boolean hasErrors() {
    synchronized (items) {
      return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
  }
}
