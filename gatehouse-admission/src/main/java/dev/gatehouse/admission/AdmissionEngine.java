package dev.gatehouse.admission;

import dev.gatehouse.kube.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admission engine's facade: a set of {@link PolicyDriver}s, an {@link EngineChoice} and an
 * enforcement point, which {@link #compile compiles} policies into an immutable {@link
 * PolicySnapshot} that reviews requests.
 *
 * <pre>{@code
 * AdmissionEngine engine = AdmissionEngine.builder().driver(CelDriver.create()).build();
 * PolicySnapshot snapshot = engine.compile(PolicyLoader.load(objects, diagnostics), diagnostics);
 * ReviewResult result = snapshot.review(AdmissionRequest.ofObject(pod), Inventory.empty());
 * }</pre>
 */
public final class AdmissionEngine {
  private final List<PolicyDriver> drivers;
  private final EngineChoice choice;
  private final String enforcementPoint;

  private AdmissionEngine(Builder b) {
    this.drivers = List.copyOf(b.drivers);
    this.choice = b.choice;
    this.enforcementPoint = b.enforcementPoint;
  }

  /** A builder with no drivers, {@link EngineChoice#AUTO} and the webhook enforcement point. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Compiles every template with its driver and indexes the constraints. Templates that cannot be
   * compiled (or have no source for an available engine) are reported, and their constraints are
   * left out.
   *
   * @throws EngineUnavailableException if the engine choice forces an engine no driver provides
   */
  public PolicySnapshot compile(PolicySet policies, Diagnostics diagnostics) {
    checkAvailable();
    Map<String, CompiledTemplate> byKind = new LinkedHashMap<>();
    for (ConstraintTemplate t : policies.templates()) {
      driverFor(t, diagnostics)
          .flatMap(d -> d.compile(t, diagnostics))
          .ifPresent(c -> byKind.put(t.kind(), c));
    }
    Map<String, List<Constraint>> constraints = new LinkedHashMap<>();
    for (Constraint c : policies.constraints()) {
      if (byKind.containsKey(c.kind())) {
        constraints.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
      }
    }
    return new PolicySnapshot(byKind, constraints, enforcementPoint);
  }

  /**
   * Checks that the engine choice can be honoured.
   *
   * @throws EngineUnavailableException if it forces an engine no driver provides
   */
  public void checkAvailable() {
    if (choice != EngineChoice.AUTO
        && drivers.stream().noneMatch(d -> d.shortName().equals(choice.shortName()))) {
      throw new EngineUnavailableException(choice.shortName());
    }
  }

  private Optional<PolicyDriver> driverFor(ConstraintTemplate t, Diagnostics diagnostics) {
    for (PolicyDriver d : drivers) {
      if ((choice == EngineChoice.AUTO || d.shortName().equals(choice.shortName()))
          && t.source(d.engine()).isPresent()) {
        return Optional.of(d);
      }
    }
    String engines = String.join(", ", t.sources().stream().map(TemplateSource::engine).toList());
    String why =
        choice == EngineChoice.AUTO
            ? "engine " + engines + " not available"
            : "it has no source for engine " + choice.shortName() + " (it has " + engines + ")";
    diagnostics.error(
        "engine-unavailable",
        t.origin().location(),
        "ConstraintTemplate " + t.name() + ": " + why + "; its constraints are not evaluated");
    return Optional.empty();
  }

  /** Configures an {@link AdmissionEngine}. */
  public static final class Builder {
    private final List<PolicyDriver> drivers = new ArrayList<>();
    private EngineChoice choice = EngineChoice.AUTO;
    private String enforcementPoint = ScopedEnforcementAction.WEBHOOK;

    private Builder() {}

    /** Adds a driver; earlier drivers win when a template has several engines. */
    public Builder driver(PolicyDriver driver) {
      drivers.add(driver);
      return this;
    }

    /** Sets the engine choice (default {@link EngineChoice#AUTO}). */
    public Builder engine(EngineChoice engineChoice) {
      this.choice = engineChoice;
      return this;
    }

    /** Sets the enforcement point scoped actions are resolved for. */
    public Builder enforcementPoint(String point) {
      this.enforcementPoint = point;
      return this;
    }

    /** Builds the engine. */
    public AdmissionEngine build() {
      return new AdmissionEngine(this);
    }
  }
}
