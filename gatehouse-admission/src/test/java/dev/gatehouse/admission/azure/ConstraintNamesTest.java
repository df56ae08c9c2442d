package dev.gatehouse.admission.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstraintNamesTest {
  private static final String ASSIGNMENT =
      "/providers/Microsoft.Authorization/policyAssignments/pod-security-baseline";
  private static final String DEFINITION =
      "/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4";

  @Test
  void of_cutsTheTemplateNameAndAppends20Hex() {
    String name =
        ConstraintNames.of("k8sazurev2containerallowedimages", ASSIGNMENT, DEFINITION, "");
    assertThat(name).matches("^azurepolicy-k8sazurev2containerallowedimag-[0-9a-f]{20}$");
    assertThat(name.length()).isEqualTo(63);
    assertThat(ConstraintNames.of("k8sazurev2noprivilege", ASSIGNMENT, DEFINITION, ""))
        .matches("^azurepolicy-k8sazurev2noprivilege-[0-9a-f]{20}$");
  }

  @Test
  void hash_isSha256OfTheLowerCasedIds() {
    // Golden values computed apart: python3 -c "import hashlib;
    //   print(hashlib.sha256(b'a\nb').hexdigest()[:20])"
    assertThat(ConstraintNames.hash("a", "b", "")).isEqualTo("7e18f737311b2dc3b2f2");
    assertThat(ConstraintNames.hash("A", "B", "Ref")).isEqualTo("ad9fae9db5c87a505807");
    assertThat(ConstraintNames.hash(ASSIGNMENT, DEFINITION, "")).isEqualTo("a70f276549c69fc1bbf8");
    assertThat(ConstraintNames.hash(ASSIGNMENT, DEFINITION, "NoPrivilegedContainers"))
        .isEqualTo("0e033836a3afe1b5ff23");
  }

  @Test
  void hash_differsPerAssignmentDefinitionAndReference() {
    String base = ConstraintNames.hash(ASSIGNMENT, DEFINITION, "");
    assertThat(ConstraintNames.hash(ASSIGNMENT + "2", DEFINITION, "")).isNotEqualTo(base);
    assertThat(ConstraintNames.hash(ASSIGNMENT, DEFINITION + "0", "")).isNotEqualTo(base);
    assertThat(ConstraintNames.hash(ASSIGNMENT, DEFINITION, "NoPrivilegedContainers"))
        .isNotEqualTo(base);
  }
}
