package dev.gatehouse.netpol.engine;

/**
 * Options of {@link NetworkEngine#compile}.
 *
 * @param profile the implementation whose behaviour to follow where implementations differ
 */
public record EngineOptions(EngineProfile profile) {
  /** The conformance data's behaviour. */
  public static final EngineOptions DEFAULT = new EngineOptions(EngineProfile.DEFAULT);

  /** Options with the given profile. */
  public static EngineOptions of(EngineProfile profile) {
    return new EngineOptions(profile);
  }
}
