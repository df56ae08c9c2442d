package dev.gatehouse.admission.verify;

import com.google.re2j.Pattern;
import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicyLoader;
import dev.gatehouse.admission.PolicySet;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.Result;
import dev.gatehouse.admission.ReviewResult;
import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeLoader;
import dev.gatehouse.kube.KubeObject;
import dev.gatehouse.kube.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs gator suites as {@code gator verify} does: for each test, the template and constraint are
 * loaded and compiled (a test marked {@code invalid} passes only if the constraint is rejected);
 * each case's object (a plain object or an AdmissionReview) is reviewed with the case's inventory,
 * and every assertion must hold.
 *
 * <p>Paths: a file is one suite; a directory holds suites directly in it; {@code DIR/...} searches
 * recursively. Suites run in path order. {@code --run} filters: {@code TEST//CASE} (both regexes
 * must match), or one regex matching a test name (all its cases) or a case name.
 */
public final class SuiteRunner {
  private final AdmissionEngine engine;
  private final Optional<Pattern> run;

  private SuiteRunner(AdmissionEngine engine, Optional<Pattern> run) {
    this.engine = engine;
    this.run = run;
  }

  /** A runner compiling with {@code engine}; {@code run} is the {@code --run} filter, if any. */
  public static SuiteRunner create(AdmissionEngine engine, Optional<String> run) {
    return new SuiteRunner(engine, run.map(Pattern::compile));
  }

  /** Finds and runs the suites under {@code paths}. */
  public VerifyReport run(List<String> paths) {
    List<VerifyReport.TestOutcome> outcomes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path file : suiteFiles(paths, problems)) {
      Diagnostics d = new Diagnostics();
      List<KubeObject> objects = KubeLoader.standard().load(List.of(file.toString()), d);
      for (KubeObject obj : objects) {
        if (SuiteReader.isSuite(obj)) {
          Suite suite = SuiteReader.read(obj, file, d);
          if (!suite.skip()) {
            suite.tests().forEach(t -> runTest(suite, t).ifPresent(outcomes::add));
          }
        }
      }
      d.all().stream()
          .filter(x -> x.severity() == Severity.ERROR)
          .map(Diagnostic::render)
          .forEach(problems::add);
    }
    return new VerifyReport(outcomes, problems);
  }

  private Optional<VerifyReport.TestOutcome> runTest(Suite suite, Suite.Test test) {
    List<Suite.Case> cases = selectedCases(test);
    if (cases.isEmpty() && run.isPresent()) {
      return Optional.empty();
    }
    if (test.skip()) {
      return Optional.of(outcome(suite, test, VerifyReport.Status.SKIP, 0, List.of()));
    }
    Path dir = java.util.Objects.requireNonNull(suite.file().toAbsolutePath().getParent());
    Diagnostics d = new Diagnostics();
    List<KubeObject> policy = new ArrayList<>();
    policy.addAll(load(dir, test.template(), d));
    policy.addAll(load(dir, test.constraint(), d));
    PolicySet set = PolicyLoader.load(policy, d);
    if (test.invalid()) {
      boolean rejected = set.constraints().isEmpty() && d.hasErrors();
      List<String> f =
          rejected
              ? List.of()
              : List.of("the constraint was expected to be invalid, but it was accepted");
      return Optional.of(
          outcome(
              suite, test, rejected ? VerifyReport.Status.PASS : VerifyReport.Status.FAIL, 0, f));
    }
    PolicySnapshot snapshot = engine.compile(set, d);
    List<String> failures = new ArrayList<>();
    if (d.hasErrors() || snapshot.constraints().isEmpty()) {
      d.all().stream()
          .filter(x -> x.severity() == Severity.ERROR)
          .map(Diagnostic::render)
          .forEach(failures::add);
      if (failures.isEmpty()) {
        failures.add("no constraint to test (" + test.constraint() + " defines none)");
      }
      return Optional.of(outcome(suite, test, VerifyReport.Status.FAIL, 0, failures));
    }
    for (Suite.Case c : cases) {
      if (!c.skip()) {
        runCase(dir, snapshot, c, failures);
      }
    }
    VerifyReport.Status status =
        failures.isEmpty() ? VerifyReport.Status.PASS : VerifyReport.Status.FAIL;
    return Optional.of(outcome(suite, test, status, cases.size(), failures));
  }

  private void runCase(Path dir, PolicySnapshot snapshot, Suite.Case c, List<String> failures) {
    Diagnostics d = new Diagnostics();
    List<KubeObject> objects = load(dir, c.object(), d);
    List<KubeObject> inventory = new ArrayList<>();
    c.inventory().forEach(i -> inventory.addAll(load(dir, i, d)));
    if (d.hasErrors() || objects.size() != 1) {
      d.all().forEach(x -> failures.add("case " + c.name() + ": " + x.render()));
      if (objects.size() != 1 && !d.hasErrors()) {
        failures.add(
            "case "
                + c.name()
                + ": "
                + c.object()
                + " must hold exactly one object, found "
                + objects.size());
      }
      return;
    }
    KubeObject obj = objects.get(0);
    Optional<AdmissionRequest> request =
        AdmissionRequest.isReview(obj)
            ? AdmissionRequest.ofReview(obj, d)
            : Optional.of(AdmissionRequest.ofObject(obj));
    if (request.isEmpty()) {
      d.all().forEach(x -> failures.add("case " + c.name() + ": " + x.render()));
      return;
    }
    ReviewResult result = snapshot.review(request.get(), Inventory.of(inventory));
    result.errors().forEach(e -> failures.add("case " + c.name() + ": " + e));
    for (int i = 0; i < c.assertions().size(); i++) {
      check(c, i, result.results(), failures);
    }
  }

  private static void check(Suite.Case c, int index, List<Result> results, List<String> failures) {
    Suite.Assertion a = c.assertions().get(index);
    Optional<Pattern> re;
    try {
      re = a.message().map(Pattern::compile);
    } catch (com.google.re2j.PatternSyntaxException e) {
      failures.add(
          "case "
              + c.name()
              + ": assertion "
              + (index + 1)
              + ": invalid message regex: "
              + e.getMessage());
      return;
    }
    List<String> matching =
        results.stream()
            .map(Result::message)
            .filter(m -> re.map(p -> p.matcher(m).find()).orElse(true))
            .toList();
    if (!a.expectation().accepts(matching.size())) {
      StringBuilder sb = new StringBuilder();
      sb.append("case ")
          .append(c.name())
          .append(" (")
          .append(c.location())
          .append("): assertion ")
          .append(index + 1)
          .append(" {")
          .append(a.describe())
          .append("} failed: got ")
          .append(matching.size())
          .append(" matching violation")
          .append(matching.size() == 1 ? "" : "s");
      results.forEach(r -> sb.append("\n    ").append(r.gatekeeperMessage()));
      failures.add(sb.toString());
    }
  }

  private List<Suite.Case> selectedCases(Suite.Test test) {
    if (run.isEmpty()) {
      return test.cases();
    }
    String re = run.get().pattern();
    int sep = re.indexOf("//");
    if (sep >= 0) {
      Pattern t = Pattern.compile(re.substring(0, sep));
      Pattern c = Pattern.compile(re.substring(sep + 2));
      return t.matcher(test.name()).find()
          ? test.cases().stream().filter(x -> c.matcher(x.name()).find()).toList()
          : List.of();
    }
    if (run.get().matcher(test.name()).find()) {
      return test.cases();
    }
    return test.cases().stream().filter(x -> run.get().matcher(x.name()).find()).toList();
  }

  private static VerifyReport.TestOutcome outcome(
      Suite suite, Suite.Test test, VerifyReport.Status status, int cases, List<String> failures) {
    return new VerifyReport.TestOutcome(
        suite.file(), suite.name(), test.name(), status, cases, failures);
  }

  private static List<KubeObject> load(Path dir, String relative, Diagnostics d) {
    return KubeLoader.standard().load(List.of(dir.resolve(relative).normalize().toString()), d);
  }

  /** The suite files named by {@code paths} ({@code DIR/...} recursive), sorted. */
  static List<Path> suiteFiles(List<String> paths, List<String> problems) {
    List<Path> out = new ArrayList<>();
    for (String p : paths) {
      boolean recursive = p.endsWith("/...") || p.equals("...");
      Path root = Path.of(recursive ? (p.equals("...") ? "." : p.substring(0, p.length() - 4)) : p);
      if (Files.isRegularFile(root)) {
        out.add(root);
      } else if (Files.isDirectory(root)) {
        try (Stream<Path> s = recursive ? Files.walk(root) : Files.list(root)) {
          s.filter(Files::isRegularFile)
              .filter(SuiteRunner::isYaml)
              .filter(SuiteRunner::mentionsSuite)
              .forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        problems.add(p + ": no such file or directory");
      }
    }
    return out.stream().map(Path::toAbsolutePath).distinct().sorted().toList();
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  private static boolean mentionsSuite(Path p) {
    try {
      String text = Files.readString(p);
      return text.contains(SuiteReader.GROUP) && text.contains("Suite");
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }
}
