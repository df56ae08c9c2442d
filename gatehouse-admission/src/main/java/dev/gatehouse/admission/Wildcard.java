package dev.gatehouse.admission;

import com.google.re2j.Pattern;

/**
 * Gatekeeper's namespace and name globs ({@code pkg/wildcard}): {@code prefix*}, {@code *suffix},
 * {@code *contains*}; anything else matches exactly, and {@code *} matches everything.
 */
final class Wildcard {
  /** The CRD pattern Gatekeeper enforces on namespace globs. */
  static final Pattern NAMESPACE_PATTERN = Pattern.compile("^\\*?[-:a-z0-9]*\\*?$");

  /** The CRD pattern Gatekeeper enforces on the name glob. */
  static final Pattern NAME_PATTERN = Pattern.compile("^\\*?[-:a-z0-9.]*\\*?$");

  private Wildcard() {}

  /** Whether {@code candidate} matches {@code glob}. */
  static boolean matches(String glob, String candidate) {
    boolean lead = glob.startsWith("*");
    boolean trail = glob.length() > (lead ? 1 : 0) && glob.endsWith("*");
    if (glob.equals("*")) {
      return true;
    }
    if (lead && trail) {
      return candidate.contains(glob.substring(1, glob.length() - 1));
    }
    if (lead) {
      return candidate.endsWith(glob.substring(1));
    }
    if (trail) {
      return candidate.startsWith(glob.substring(0, glob.length() - 1));
    }
    return glob.equals(candidate);
  }

  /** Whether any glob in {@code globs} matches {@code candidate}. */
  static boolean matchesAny(Iterable<String> globs, String candidate) {
    for (String g : globs) {
      if (matches(g, candidate)) {
        return true;
      }
    }
    return false;
  }
}
