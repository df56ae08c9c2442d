package dev.gatehouse.netpol.algebra;

import java.util.Locale;
import java.util.Optional;

/** The L4 protocols Kubernetes network policies speak of, in their printing order. */
public enum Protocol {
  /** SCTP. */
  SCTP,
  /** TCP (the default protocol of a policy port). */
  TCP,
  /** UDP. */
  UDP;

  /** Parses {@code TCP}/{@code UDP}/{@code SCTP} (case-insensitively). */
  public static Optional<Protocol> parse(String s) {
    try {
      return Optional.of(valueOf(s.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
