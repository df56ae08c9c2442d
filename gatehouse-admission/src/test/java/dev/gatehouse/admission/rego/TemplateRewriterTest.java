package dev.gatehouse.admission.rego;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Gatekeeper's package rewriting on source text. */
class TemplateRewriterTest {
  @Test
  void entryPoint_rewritesPackageAndLibRefsOnly() {
    String src =
        """
        # package comment data.lib.x
        package k8s.foo
        import data.lib.a as b
        violation[{"msg": "data.lib.x"}] {
          input.data.lib.y
          data["lib"].z
          `data.other`
          data.lib.q with data.inventory as {}
        }
        """;
    TemplateRewriter.Rewritten r = TemplateRewriter.entryPoint(src, false);
    assertThat(r.problems()).isEmpty();
    assertThat(r.source())
        .isEqualTo(
            """
            # package comment data.lib.x
            package template
            import data.libs.lib.a as b
            violation[{"msg": "data.lib.x"}] {
              input.data.lib.y
              data.libs["lib"].z
              `data.other`
              data.libs.lib.q with data.inventory as {}
            }
            """);
  }

  @Test
  void library_movesPackageUnderLibsAndAddsV1Import() {
    TemplateRewriter.Rewritten r = TemplateRewriter.library("package lib.x\nf(a) if a", true);
    assertThat(r.problems()).isEmpty();
    assertThat(r.source()).isEqualTo("package libs.lib.x import rego.v1\nf(a) if a");
  }

  @Test
  void problems_carryTheirLine() {
    String src = "package lib\n\nimport data.inventory\nx { data.y[z] }\ny { data }";
    assertThat(TemplateRewriter.library(src, false).problems())
        .containsExactly(
            new TemplateRewriter.Problem(1, "path data.lib not found in lib prefixes"),
            new TemplateRewriter.Problem(3, "bad import data.inventory"),
            new TemplateRewriter.Problem(4, "disallowed ref data.y[z]"),
            new TemplateRewriter.Problem(5, "disallowed ref data"));
  }
}
