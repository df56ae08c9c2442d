package dev.gatehouse.admission.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DefinitionVersionTest {
  private static DefinitionVersion v(String s) {
    return DefinitionVersion.parse(s).orElseThrow();
  }

  @Test
  void satisfies_majorPins_andPreviewSuffixes() {
    assertThat(v("9.2.0").satisfies("9.*.*")).isTrue();
    assertThat(v("10.0.0").satisfies("9.*.*")).isFalse();
    assertThat(v("1.0.0-preview").satisfies("1.*.*-preview")).isTrue();
    assertThat(v("1.0.0-PREVIEW").satisfies("1.*.*-preview")).isTrue();
    assertThat(v("1.0.0").satisfies("1.*.*-preview")).isFalse();
    assertThat(v("1.0.0-preview").satisfies("1.*.*")).isTrue();
    assertThat(v("6.2.0").satisfies("6.2.0")).isTrue();
    assertThat(v("6.2.1").satisfies("6.2.0")).isFalse();
    assertThat(v("6.2.0").satisfies("6.x")).isFalse();
  }

  @Test
  void compareTo_ordersReleasesAfterPreviews() {
    List<DefinitionVersion> sorted =
        Stream.of("1.3.0", "1.10.0", "1.3.0-preview", "1.2.9", "2.0.0-preview")
            .map(DefinitionVersionTest::v)
            .sorted()
            .toList();
    assertThat(sorted.stream().map(Object::toString))
        .containsExactly("1.2.9", "1.3.0-preview", "1.3.0", "1.10.0", "2.0.0-preview");
  }

  @Test
  void parse_rejectsNonVersions() {
    assertThat(DefinitionVersion.parse("9.2")).isEmpty();
    assertThat(DefinitionVersion.parse("v9.2.0")).isEmpty();
    assertThat(DefinitionVersion.isPin("9.*.*")).isTrue();
    assertThat(DefinitionVersion.isPin("*.*.*")).isFalse();
  }
}
