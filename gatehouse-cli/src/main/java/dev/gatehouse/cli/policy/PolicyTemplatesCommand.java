package dev.gatehouse.cli.policy;

import dev.gatehouse.admission.ConstraintTemplate;
import dev.gatehouse.admission.azure.AzurePolicyLoader;
import dev.gatehouse.admission.azure.AzurePolicySet;
import dev.gatehouse.admission.azure.BuiltinTemplates;
import dev.gatehouse.admission.azure.DeployedPolicy;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse policy templates}: the ConstraintTemplates installed, as {@code kubectl get
 * constrainttemplates} lists them ({@code NAME AGE}). With {@code -f}, the templates the input's
 * assignments install plus the input's own templates, aged from the object that brought them in
 * ({@code metadata.creationTimestamp}, else its file's modification time); without, every built-in
 * template (age unknown).
 */
@Command(
    name = "templates",
    mixinStandardHelpOptions = true,
    description =
        "List ConstraintTemplates (NAME AGE, like kubectl get constrainttemplates): those the"
            + " assignments and templates in -f install, or every built-in template.")
public final class PolicyTemplatesCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    table,
    wide
  }

  @Spec CommandSpec spec;

  @Mixin AzureOptions azure = new AzureOptions();

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "PATH",
      description = "Assignments and templates (files, directories or -). Repeatable.")
  List<String> files = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default) or wide (adds where each template comes from).")
  Format output = Format.table;

  /** A template and what installed it. */
  private record Row(String name, String age, String source) {}

  @Override
  public Integer call() {
    Diagnostics d = new Diagnostics();
    Instant now = Instant.now();
    List<Row> rows = files.isEmpty() ? builtins(d) : installed(d, now);
    PolicyCli.report(d, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    Table t = output == Format.wide ? new Table("NAME", "AGE", "SOURCE") : new Table("NAME", "AGE");
    for (Row r : rows) {
      if (output == Format.wide) {
        t.row(r.name(), r.age(), r.source());
      } else {
        t.row(r.name(), r.age());
      }
    }
    if (t.isEmpty()) {
      spec.commandLine().getErr().println("No resources found");
    } else {
      t.print(out);
    }
    out.flush();
    return d.hasErrors() ? ExitCodes.ERROR : ExitCodes.OK;
  }

  private static List<Row> builtins(Diagnostics d) {
    Map<String, Row> rows = new TreeMap<>();
    for (String id : BuiltinTemplates.list()) {
      String name = id.substring(0, id.indexOf('/'));
      String version = id.substring(id.indexOf('/') + 1);
      BuiltinTemplates.find(name, version, d)
          .ifPresent(t -> rows.put(t.name(), new Row(t.name(), "<unknown>", "builtin " + id)));
    }
    return List.copyOf(rows.values());
  }

  private List<Row> installed(Diagnostics d, Instant now) {
    List<KubeObject> objects = KubeLoader.standard().load(files, d);
    AzurePolicySet set = AzurePolicyLoader.load(objects, () -> azure.catalog(d), azure.store(), d);
    Map<String, Row> rows = new TreeMap<>();
    for (ConstraintTemplate t : set.policies().templates()) {
      Optional<Instant> created = Optional.empty();
      String source = t.origin().location().toString();
      for (DeployedPolicy p : set.deployed()) {
        if (p.templateName().equals(t.name())) {
          Optional<Instant> c = createdAt(p.assignment().origin());
          if (created.isEmpty() || c.isPresent() && c.get().isBefore(created.get())) {
            created = c;
          }
          source = "PolicyAssignment " + p.assignment().name();
        }
      }
      if (source.equals(t.origin().location().toString())) {
        created = createdAt(t.origin());
      }
      String age = created.map(c -> HumanDuration.of(Duration.between(c, now))).orElse("<unknown>");
      rows.put(t.name(), new Row(t.name(), age, source));
    }
    return List.copyOf(rows.values());
  }

  /** {@code metadata.creationTimestamp}, else the modification time of the object's file. */
  private static Optional<Instant> createdAt(KubeObject o) {
    String ts = o.body().path("metadata").path("creationTimestamp").asText("");
    if (!ts.isEmpty()) {
      try {
        return Optional.of(Instant.parse(ts));
      } catch (DateTimeParseException e) {
        // Fall back to the file's time.
      }
    }
    try {
      Path file = Path.of(o.location().file());
      return Files.isRegularFile(file)
          ? Optional.of(Files.getLastModifiedTime(file).toInstant())
          : Optional.empty();
    } catch (IOException | java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }
}
