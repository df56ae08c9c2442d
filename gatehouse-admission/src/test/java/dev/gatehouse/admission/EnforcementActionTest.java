package dev.gatehouse.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.admission.cel.CelDriver;
import dev.gatehouse.kube.Diagnostic;
import dev.gatehouse.kube.Diagnostics;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class EnforcementActionTest {
  private static final String TEMPLATE = Fixtures.celTemplate("K8sDeny", "false");
  private static final AdmissionRequest POD =
      Fixtures.request("apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: p}\n");

  private static String constraint(String name, String spec) {
    return "---\napiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sDeny\nmetadata: {name: "
        + name
        + "}\nspec:\n"
        + spec.indent(2);
  }

  @Test
  void review_eachAction_rendersInGatekeeperWords() {
    ReviewResult r =
        Fixtures.snapshot(
                TEMPLATE
                    + constraint("d", "enforcementAction: deny")
                    + constraint("w", "enforcementAction: warn")
                    + constraint("r", "enforcementAction: dryrun")
                    + constraint("default", "match: {}"))
            .review(POD, Inventory.empty());
    assertThat(r.results().stream().map(Result::render))
        .containsExactly(
            "[d] violation of d",
            "Warning: [w] violation of w",
            "Dryrun: [r] violation of r",
            "[default] violation of default");
    assertThat(r.allowed()).isFalse();
    assertThat(r.denyMessage()).isEqualTo("[d] violation of d\n[default] violation of default");
  }

  @Test
  void review_onlyWarnAndDryrun_isAllowed() {
    ReviewResult r =
        Fixtures.snapshot(
                TEMPLATE
                    + constraint("w", "enforcementAction: warn")
                    + constraint("r", "enforcementAction: dryrun"))
            .review(POD, Inventory.empty());
    assertThat(r.allowed()).isTrue();
    assertThat(r.withAction(EnforcementAction.WARN)).hasSize(1);
  }

  @Test
  void scoped_actionsDependOnEnforcementPoint() {
    String yaml =
        TEMPLATE
            + constraint(
                "s",
                """
                enforcementAction: scoped
                scopedEnforcementActions:
                - action: warn
                  enforcementPoints: [{name: validation.gatekeeper.sh}]
                - action: deny
                  enforcementPoints: [{name: "*"}]
                - action: dryrun
                  enforcementPoints: [{name: audit.gatekeeper.sh}]
                """);
    Constraint c = Fixtures.policies(yaml).constraints().get(0);
    assertThat(c.actionsAt(ScopedEnforcementAction.WEBHOOK))
        .isEqualTo(EnumSet.of(EnforcementAction.WARN, EnforcementAction.DENY));
    assertThat(c.actionsAt(ScopedEnforcementAction.AUDIT))
        .isEqualTo(EnumSet.of(EnforcementAction.DENY, EnforcementAction.DRYRUN));
    ReviewResult r = Fixtures.snapshot(yaml).review(POD, Inventory.empty());
    assertThat(r.results())
        .extracting(Result::action)
        .containsExactlyInAnyOrder(EnforcementAction.DENY, EnforcementAction.WARN);
  }

  @Test
  void scoped_noActionAtPoint_constraintSkipped() {
    String yaml =
        TEMPLATE
            + constraint(
                "s",
                "enforcementAction: scoped\nscopedEnforcementActions:\n"
                    + "- {action: deny, enforcementPoints: [{name: audit.gatekeeper.sh}]}");
    assertThat(Fixtures.snapshot(yaml).review(POD, Inventory.empty()).results()).isEmpty();
  }

  @Test
  void enforcementAction_unrecognized_isLocatedError() {
    Diagnostics d = new Diagnostics();
    PolicySet set =
        PolicyLoader.load(
            Fixtures.objects(TEMPLATE + constraint("x", "enforcementAction: block"), d), d);
    assertThat(set.constraints()).isEmpty();
    assertThat(d.all())
        .extracting(Diagnostic::render)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("test.yaml:")
                    .contains("unrecognized enforcementAction \"block\""));
  }

  @Test
  void parameters_againstSchema_typeErrorsRejectUnknownFieldsWarn() {
    Diagnostics d = new Diagnostics();
    PolicySet set =
        PolicyLoader.load(
            Fixtures.objects(
                TEMPLATE
                    + constraint("bad", "parameters:\n  labels: owner\n  max: 1.5")
                    + constraint("extra", "parameters:\n  labels: [a]\n  colour: red"),
                d),
            d);
    assertThat(set.constraints()).extracting(Constraint::name).containsExactly("extra");
    assertThat(d.all())
        .extracting(Diagnostic::render)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("spec.parameters.labels must be an array, not the string \"owner\""))
        .anySatisfy(m -> assertThat(m).contains("spec.parameters.max must be an integer"))
        .anySatisfy(m -> assertThat(m).contains("warning: ").contains("unknown field \"colour\""));
  }

  @Test
  void constraint_unknownKind_isReported() {
    Diagnostics d = new Diagnostics();
    PolicyLoader.load(
        Fixtures.objects(
            "apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: Nope\nmetadata: {name: n}\n", d),
        d);
    assertThat(d.all())
        .extracting(Diagnostic::message)
        .containsExactly("Nope n: no ConstraintTemplate defines kind Nope");
  }

  @Test
  void template_badCel_isLocatedCompileError() {
    String yaml = Fixtures.celTemplate("K8sBroken", "object.metadata.name ==");
    Diagnostics d = new Diagnostics();
    PolicySnapshot s =
        AdmissionEngine.builder()
            .driver(CelDriver.create())
            .build()
            .compile(PolicyLoader.load(Fixtures.objects(yaml, d), d), d);
    assertThat(s.templates()).isEmpty();
    assertThat(d.all())
        .extracting(Diagnostic::render)
        .anySatisfy(
            m ->
                assertThat(m)
                    .matches("test\\.yaml:\\d+: ConstraintTemplate k8sbroken: validation 1: .*"));
  }

  @Test
  void template_nameNotLowerCaseKind_isError() {
    String yaml = Fixtures.celTemplate("K8sX", "true").replace("name: k8sx", "name: other");
    Diagnostics d = new Diagnostics();
    assertThat(PolicyLoader.load(Fixtures.objects(yaml, d), d).templates()).isEmpty();
    assertThat(d.all())
        .extracting(Diagnostic::message)
        .anySatisfy(
            m -> assertThat(m).contains("metadata.name must be the lower-case kind \"k8sx\""));
  }

  @Test
  void engine_forcedRegoWithoutDriver_throwsClearError() {
    AdmissionEngine e =
        AdmissionEngine.builder().driver(CelDriver.create()).engine(EngineChoice.REGO).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(e::checkAvailable)
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessage("engine rego not available");
  }
}
