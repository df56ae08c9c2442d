package dev.gatehouse.cli.audit;

import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.EngineChoice;
import dev.gatehouse.admission.EngineUnavailableException;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.ScopedEnforcementAction;
import dev.gatehouse.admission.audit.AuditDocument;
import dev.gatehouse.admission.audit.AuditOptions;
import dev.gatehouse.admission.audit.AuditReport;
import dev.gatehouse.admission.audit.Auditor;
import dev.gatehouse.admission.audit.JUnitReport;
import dev.gatehouse.admission.audit.PolicyInfo;
import dev.gatehouse.admission.audit.PolicyReports;
import dev.gatehouse.admission.audit.SarifReport;
import dev.gatehouse.admission.azure.AzurePolicyLoader;
import dev.gatehouse.admission.azure.AzurePolicySet;
import dev.gatehouse.admission.azure.DeployedPolicy;
import dev.gatehouse.admission.azure.Effect;
import dev.gatehouse.admission.azure.PolicyAssignment;
import dev.gatehouse.admission.cel.CelDriver;
import dev.gatehouse.admission.rego.RegoDriver;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.InputOptions;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.cli.policy.AzureOptions;
import dev.gatehouse.cli.policy.Documents;
import dev.gatehouse.kube.Diagnostics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse audit -f RESOURCES -f ASSIGNMENTS_OR_CONSTRAINTS}: every object in the input
 * (and the pod template of every workload) against every assignment and constraint in it, at the
 * audit enforcement point; compliance per policy, resource and container. Exit 0 (also with
 * violations, unless {@code --fail-on-violation}), 1 on violations with {@code
 * --fail-on-violation}, 3 on unusable input.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Audit existing objects (and workloads' pod templates) against the assignments, templates and"
          + " constraints in the input: compliance per policy, resource and container.",
      "Exit 0, or 1 with --fail-on-violation when anything is non-compliant; 3 on unusable input."
    })
public final class AuditCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    table,
    json,
    yaml,
    sarif,
    junit,
    openreports,
    policyreport
  }

  @Spec CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();

  @Mixin AzureOptions azure = new AzureOptions();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default), json, yaml, sarif, junit, openreports or policyreport.")
  Format output = Format.table;

  @Option(names = "--fail-on-violation", description = "Exit 1 if any violation is found.")
  boolean failOnViolation;

  @Option(
      names = "--max-results",
      paramLabel = "N",
      description =
          "Results kept per OpenReports/PolicyReport report (default 100; totals are kept).")
  int maxResults = 100;

  @Option(names = "--no-expand", description = "Do not review workloads' pod templates.")
  boolean noExpand;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description = "auto (CEL when a template has it, as Gatekeeper), cel or rego.")
  EngineChoice engine = EngineChoice.AUTO;

  @Option(
      names = {"-O", "--output-file"},
      paramLabel = "FILE",
      description = "Write the report to FILE (atomically) instead of stdout.")
  @Nullable Path outputFile;

  @Override
  public Integer call() {
    if (maxResults < 1) {
      throw new UserException("--max-results must be at least 1", ExitCodes.USAGE);
    }
    Diagnostics d = new Diagnostics();
    var objects = input.load(d);
    AzurePolicySet set = AzurePolicyLoader.load(objects, () -> azure.catalog(d), azure.store(), d);
    PolicySnapshot snapshot = compile(set, d);
    input.report(d, spec.commandLine().getErr());
    AuditOptions options = new AuditOptions(Instant.now(), !noExpand, true, policies(set));
    AuditReport report = Auditor.audit(snapshot, set.policies().others(), options);
    String text = render(report);
    Path file = outputFile;
    if (file != null) {
      Documents.writeAtomically(file, text);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    return failOnViolation && report.hasViolations() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private PolicySnapshot compile(AzurePolicySet set, Diagnostics d) {
    AdmissionEngine eng =
        AdmissionEngine.builder()
            .driver(CelDriver.create())
            .driver(RegoDriver.create())
            .engine(engine)
            .enforcementPoint(ScopedEnforcementAction.AUDIT)
            .build();
    try {
      return eng.compile(set.policies(), d);
    } catch (EngineUnavailableException e) {
      throw new UserException(
          e.getMessage() + " (use --engine auto, cel or rego)", ExitCodes.ERROR);
    }
  }

  private String render(AuditReport report) {
    return switch (output) {
      case table -> {
        StringWriter sw = new StringWriter();
        AuditTable.write(report, new PrintWriter(sw));
        yield sw.toString();
      }
      case json -> Documents.json(AuditDocument.of(report));
      case yaml -> Documents.yaml(AuditDocument.of(report));
      case sarif -> Documents.json(SarifReport.of(report, version()));
      case junit -> JUnitReport.of(report);
      case openreports ->
          Documents.yamlStream(
              PolicyReports.of(report, PolicyReports.Flavor.OPENREPORTS, maxResults));
      case policyreport ->
          Documents.yamlStream(
              PolicyReports.of(report, PolicyReports.Flavor.POLICYREPORT, maxResults));
    };
  }

  private static String version() {
    String v = AuditCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** What the assignments are, including those whose definitions are all disabled. */
  private static List<PolicyInfo> policies(AzurePolicySet set) {
    List<PolicyInfo> out = new ArrayList<>();
    for (PolicyAssignment a : set.assignments()) {
      Set<String> effects = new LinkedHashSet<>();
      List<String> disabled = new ArrayList<>();
      String target = a.target().reference();
      for (DeployedPolicy p : set.deployed()) {
        if (p.assignment().name().equals(a.name())) {
          target =
              p.initiative() != null ? p.initiative().displayName() : p.definition().displayName();
          effects.add(p.effect().displayName());
          if (p.effect() == Effect.DISABLED) {
            disabled.add(p.definition().displayName());
          }
        }
      }
      out.add(
          new PolicyInfo(
              a.name(),
              a.displayName(),
              PolicyAssignment.KIND,
              target,
              String.join(",", effects),
              a.enforcementMode().wireName(),
              disabled));
    }
    return out;
  }
}
