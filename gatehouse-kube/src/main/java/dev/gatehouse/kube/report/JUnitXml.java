package dev.gatehouse.kube.report;

import java.util.List;
import java.util.Optional;

/**
 * JUnit XML as Jenkins, Azure DevOps and GitLab read it: {@code testsuites} of {@code testsuite}s
 * of {@code testcase}s, each passing, failed, in error, or passing with output. Counts are computed
 * from the cases; times are 0 (the analyses are not timed per case).
 *
 * <p>Text is escaped for XML 1.0: markup characters become entities, line breaks and tabs inside
 * attributes become character references (so they survive attribute normalisation), and characters
 * XML 1.0 cannot carry at all are replaced by U+FFFD.
 */
public final class JUnitXml {
  private JUnitXml() {}

  /** A test suite; {@code timestamp} (ISO-8601) is written when present. */
  public record Suite(String name, Optional<String> timestamp, List<Case> cases) {
    /** Copies the list. */
    public Suite {
      cases = List.copyOf(cases);
    }

    long count(Class<? extends Outcome> kind) {
      return cases.stream().filter(c -> kind.isInstance(c.outcome())).count();
    }
  }

  /** A test case and how it ended. */
  public record Case(String classname, String name, Outcome outcome) {}

  /** How a test case ended. */
  public sealed interface Outcome {}

  /** Passed. */
  public record Passed() implements Outcome {}

  /** Passed, with text for {@code system-out} (e.g. a finding below the failure threshold). */
  public record PassedWithOutput(String output) implements Outcome {}

  /** Failed: {@code failure} with a type, a one-line message and a body. */
  public record Failure(String type, String message, String body) implements Outcome {}

  /** Could not be evaluated: {@code error} with a type and a message. */
  public record Errored(String type, String message) implements Outcome {}

  /** The document: every suite inside one {@code testsuites} element named {@code name}. */
  public static String render(String name, List<Suite> suites) {
    StringBuilder body = new StringBuilder();
    long tests = 0;
    long failures = 0;
    long errors = 0;
    for (Suite s : suites) {
      tests += s.cases().size();
      failures += s.count(Failure.class);
      errors += s.count(Errored.class);
      suite(s, body);
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\""
        + attr(name)
        + "\" tests=\""
        + tests
        + "\" failures=\""
        + failures
        + "\" errors=\""
        + errors
        + "\" skipped=\"0\" time=\"0\">\n"
        + body
        + "</testsuites>\n";
  }

  private static void suite(Suite s, StringBuilder out) {
    out.append("  <testsuite name=\"")
        .append(attr(s.name()))
        .append("\" tests=\"")
        .append(s.cases().size())
        .append("\" failures=\"")
        .append(s.count(Failure.class))
        .append("\" errors=\"")
        .append(s.count(Errored.class))
        .append("\" skipped=\"0\" time=\"0\"");
    s.timestamp().ifPresent(t -> out.append(" timestamp=\"").append(attr(t)).append('"'));
    out.append(">\n");
    for (Case c : s.cases()) {
      testcase(c, out);
    }
    out.append("  </testsuite>\n");
  }

  private static void testcase(Case c, StringBuilder out) {
    out.append("    <testcase classname=\"")
        .append(attr(c.classname()))
        .append("\" name=\"")
        .append(attr(c.name()))
        .append("\" time=\"0\"");
    switch (c.outcome()) {
      case Passed p -> out.append("/>\n");
      case PassedWithOutput p ->
          out.append(">\n      <system-out>")
              .append(text(p.output()))
              .append("</system-out>\n    </testcase>\n");
      case Failure f ->
          out.append(">\n      <failure type=\"")
              .append(attr(f.type()))
              .append("\" message=\"")
              .append(attr(f.message()))
              .append("\">")
              .append(text(f.body()))
              .append("</failure>\n    </testcase>\n");
      case Errored e ->
          out.append(">\n      <error type=\"")
              .append(attr(e.type()))
              .append("\" message=\"")
              .append(attr(e.message()))
              .append("\"/>\n    </testcase>\n");
    }
  }

  /** {@code s} escaped for element content. */
  public static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> appendText(sb, cp));
    return sb.toString();
  }

  /** {@code s} escaped for a double-quoted attribute value. */
  public static String attr(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append("&#9;");
                default -> appendText(sb, cp);
              }
            });
    return sb.toString();
  }

  private static void appendText(StringBuilder sb, int cp) {
    switch (cp) {
      case '&' -> sb.append("&amp;");
      case '<' -> sb.append("&lt;");
      case '>' -> sb.append("&gt;");
      default -> {
        boolean legal =
            cp == '\t'
                || cp == '\n'
                || cp == '\r'
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || cp >= 0x10000;
        sb.appendCodePoint(legal ? cp : 0xFFFD);
      }
    }
  }
}
