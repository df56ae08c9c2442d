package dev.gatehouse.admission;

/**
 * A template compiled by one {@link PolicyDriver}: immutable, thread-safe, and reused for every
 * review until the policy changes. Drivers implement it with whatever they need (programs, ASTs).
 */
public interface CompiledTemplate {
  /** The template this was compiled from. */
  ConstraintTemplate template();

  /** The driver that compiled it (and reviews with it). */
  PolicyDriver driver();
}
