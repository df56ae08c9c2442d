package dev.gatehouse.cli.admission;

import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.EngineChoice;
import dev.gatehouse.admission.EngineUnavailableException;
import dev.gatehouse.admission.PolicySet;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.cel.CelDriver;
import dev.gatehouse.admission.rego.RegoDriver;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.kube.Diagnostics;

/**
 * The drivers this build has, in Gatekeeper's priority order: CEL first, then Rego (a template with
 * both engines runs CEL unless {@code --engine rego} forces Rego).
 */
final class Engines {
  private Engines() {}

  /** An engine with every available driver, the given choice and enforcement point. */
  static AdmissionEngine build(EngineChoice choice, String enforcementPoint) {
    return AdmissionEngine.builder()
        .driver(CelDriver.create())
        .driver(RegoDriver.create())
        .engine(choice)
        .enforcementPoint(enforcementPoint)
        .build();
  }

  /** Compiles {@code set}, turning an unavailable forced engine into a user error. */
  static PolicySnapshot compile(AdmissionEngine engine, PolicySet set, Diagnostics diagnostics) {
    try {
      return engine.compile(set, diagnostics);
    } catch (EngineUnavailableException e) {
      throw unavailable(e);
    }
  }

  static UserException unavailable(EngineUnavailableException e) {
    return new UserException(
        e.getMessage() + " (this build has: cel; use --engine cel or auto)", ExitCodes.ERROR);
  }
}
