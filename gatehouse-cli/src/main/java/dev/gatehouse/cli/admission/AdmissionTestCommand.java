package dev.gatehouse.cli.admission;

import dev.gatehouse.admission.AdmissionEngine;
import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.EngineChoice;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicySet;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.ReviewResult;
import dev.gatehouse.admission.ScopedEnforcementAction;
import dev.gatehouse.admission.azure.AzurePolicyLoader;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.InputOptions;
import dev.gatehouse.cli.policy.AzureOptions;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse admission test -f PATH...}: reviews every object and AdmissionReview in the
 * input against every matching constraint in the input (like {@code gator test}); exit 1 if
 * anything is denied.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Review objects (and AdmissionReviews) against the ConstraintTemplates and constraints in the"
          + " input. Exit 0 if everything is admitted, 1 if anything is denied.",
      "Namespaces and all other objects in the input also serve as inventory (data.inventory,"
          + " namespaceSelector).",
      "PolicyAssignments (gatehouse.dev/v1alpha1) in the input deploy the templates and"
          + " constraints of their Azure Policy definition or initiative."
    })
public final class AdmissionTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();

  @Mixin AzureOptions azure = new AzureOptions();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default), json or yaml.")
  ReviewOutput.Format output = ReviewOutput.Format.table;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description = "auto (CEL when a template has it, as Gatekeeper), cel or rego.")
  EngineChoice engine = EngineChoice.AUTO;

  @Option(
      names = "--enforcement-point",
      paramLabel = "NAME",
      description = "Enforcement point for scoped actions (default validation.gatekeeper.sh).")
  String enforcementPoint = ScopedEnforcementAction.WEBHOOK;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    Diagnostics d = new Diagnostics();
    List<KubeObject> objects = input.load(d);
    PolicySet set =
        AzurePolicyLoader.load(objects, () -> azure.catalog(d), azure.store(), d).policies();
    AdmissionEngine eng = Engines.build(engine, enforcementPoint);
    PolicySnapshot snapshot = Engines.compile(eng, set, d);
    Inventory inventory = Inventory.of(set.others());
    List<ReviewResult> reviews = new ArrayList<>();
    for (KubeObject obj : set.others()) {
      Optional<AdmissionRequest> req =
          AdmissionRequest.isReview(obj)
              ? AdmissionRequest.ofReview(obj, d)
              : Optional.of(AdmissionRequest.ofObject(obj));
      req.ifPresent(r -> reviews.add(snapshot.review(r, inventory)));
    }
    for (ReviewResult r : reviews) {
      for (String e : r.errors()) {
        d.warning(
            "review-error", r.request().source().location(), r.request().displayName() + ": " + e);
      }
    }
    input.report(d, err);
    ReviewOutput.write(output, reviews, snapshot.constraints().size(), spec.commandLine().getOut());
    return reviews.stream().allMatch(ReviewResult::allowed) ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
