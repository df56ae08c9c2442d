package dev.gatehouse.netpol.l7;

import java.util.Locale;
import java.util.Optional;

/**
 * A DNS name pattern of Cilium's {@code toFQDNs} and {@code rules.dns}: a {@code matchName} (an
 * exact name) or a {@code matchPattern}. An immutable value; equal patterns match the same names.
 *
 * <p>Design note ({@code cilium/cilium:pkg/fqdn/matchpattern/matchpattern.go}, {@code
 * pkg/policy/api/fqdn.go}): patterns and names are trimmed, lower-cased and made fully qualified (a
 * trailing dot is added), so {@code Example.COM} and {@code example.com.} are one name. In a
 * pattern, {@code *} matches zero or more label characters {@code [-a-z0-9_]} and never a dot
 * ({@code *.example.com} matches {@code api.example.com} but neither {@code example.com} nor {@code
 * a.b.example.com}); a leading {@code **.} matches one or more whole labels ({@code **.example.com}
 * matches {@code a.b.example.com}); a pattern of stars alone ({@code *}, {@code **}, {@code *.})
 * matches every name. A {@code matchName} is a pattern without wildcards, which is why one type
 * serves both.
 */
public final class FqdnPattern implements Comparable<FqdnPattern> {
  /** The longest name or pattern Cilium accepts. */
  public static final int MAX_LENGTH = 255;

  /** A name the automata's grammar of valid names accepts: dot-terminated non-empty labels. */
  private static final java.util.regex.Pattern VALID_NAME =
      java.util.regex.Pattern.compile("([-a-z0-9_]+\\.)+");

  private final String pattern;
  private final boolean matchAll;
  private final FqdnAutomaton automaton;

  private FqdnPattern(String pattern, boolean matchAll) {
    this.pattern = pattern;
    this.matchAll = matchAll;
    this.automaton = FqdnAutomaton.of(pattern, matchAll);
  }

  /** Why {@code name} is not a valid {@code matchName}, if it is not. */
  public static Optional<String> nameProblem(String name) {
    String n = name.trim();
    if (n.isEmpty() || n.length() > MAX_LENGTH) {
      return Optional.of("matchName must have 1 to " + MAX_LENGTH + " characters");
    }
    if (!n.matches("[-a-zA-Z0-9_.]+")) {
      return Optional.of(
          "matchName \"" + name + "\" may contain only letters, digits and the characters - _ .");
    }
    return Optional.empty();
  }

  /** Why {@code pattern} is not a valid {@code matchPattern}, if it is not. */
  public static Optional<String> patternProblem(String pattern) {
    String p = pattern.trim();
    if (p.isEmpty() || p.length() > MAX_LENGTH) {
      return Optional.of("matchPattern must have 1 to " + MAX_LENGTH + " characters");
    }
    if (!p.matches("[-a-zA-Z0-9_.*]+")) {
      return Optional.of(
          "matchPattern \""
              + pattern
              + "\" may contain only letters, digits and the characters - _ . *");
    }
    return Optional.empty();
  }

  /** A {@code matchName}; see {@link #nameProblem} for what is accepted. */
  public static FqdnPattern ofName(String name) {
    if (nameProblem(name).isPresent()) {
      throw new IllegalArgumentException(nameProblem(name).get());
    }
    return new FqdnPattern(fqdn(name), false);
  }

  /** A {@code matchPattern}; see {@link #patternProblem} for what is accepted. */
  public static FqdnPattern ofPattern(String pattern) {
    if (patternProblem(pattern).isPresent()) {
      throw new IllegalArgumentException(patternProblem(pattern).get());
    }
    String p = pattern.trim().toLowerCase(Locale.ROOT);
    if (p.matches("\\*+\\.?")) {
      return new FqdnPattern("*", true);
    }
    return new FqdnPattern(fqdn(p).replaceAll("^\\*{3,}\\.", "**."), false);
  }

  /** {@code name} trimmed, lower-cased, with its trailing dot (Cilium's {@code dns.FQDN}). */
  public static String fqdn(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n : n + ".";
  }

  /** Whether {@code name} (in any case, with or without its trailing dot) matches. */
  public boolean matches(String name) {
    return automaton.matches(fqdn(name));
  }

  /** Whether every name {@code other} matches is matched by this pattern too. */
  public boolean covers(FqdnPattern other) {
    if (matchAll || equals(other)) {
      return true;
    }
    if (other.isName() && VALID_NAME.matcher(other.pattern).matches()) {
      return automaton.matches(other.pattern); // one name: no need for the product construction
    }
    return automaton.includes(other.automaton);
  }

  /** Whether the pattern matches every name. */
  public boolean isMatchAll() {
    return matchAll;
  }

  /** Whether the pattern has no wildcard (it names exactly one host). */
  public boolean isName() {
    return !matchAll && pattern.indexOf('*') < 0;
  }

  /**
   * The anchored regular expression Cilium compiles for this pattern (RE2 syntax), for proxies that
   * want to match with a regex engine.
   */
  public String regex() {
    if (matchAll) {
      return "(^([-a-zA-Z0-9_]+[.])+$)|(^[.]$)";
    }
    String p = pattern.replace(".", "[.]");
    p = p.replaceFirst("^\\*{2,}\\[\\.\\]", "([-a-zA-Z0-9_]+([.][-a-zA-Z0-9_]+){0,})[.]");
    p = p.replaceAll("\\*+", "[-a-zA-Z0-9_]*");
    return "^" + p + "$";
  }

  /** The normalized form: lower case with the trailing dot, or {@code *} for match-all. */
  public String normalized() {
    return pattern;
  }

  /**
   * Printed without the trailing dot: {@code *.example.com}, {@code api.example.com}, {@code *}.
   */
  @Override
  public String toString() {
    return matchAll ? "*" : pattern.substring(0, pattern.length() - 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FqdnPattern p && p.pattern.equals(pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  @Override
  public int compareTo(FqdnPattern o) {
    return toString().compareTo(o.toString());
  }
}
