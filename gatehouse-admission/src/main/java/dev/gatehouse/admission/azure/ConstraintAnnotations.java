package dev.gatehouse.admission.azure;

/**
 * The annotations on constraints deployed for assignments. The {@code azure-policy-*} keys are the
 * ones the Azure Policy add-on writes; the {@code gatehouse.dev/*} keys carry what reports show
 * (names rather than ids). Audit groups results by them, so constraints exported from a cluster
 * with Azure's annotations are grouped by assignment too.
 */
public final class ConstraintAnnotations {
  /** The assignment's id. */
  public static final String ASSIGNMENT_ID = "azure-policy-assignment-id";

  /** The definition's id. */
  public static final String DEFINITION_ID = "azure-policy-definition-id";

  /** The member's {@code policyDefinitionReferenceId} (initiatives only). */
  public static final String DEFINITION_REFERENCE_ID = "azure-policy-definition-reference-id";

  /** The initiative's id (initiatives only). */
  public static final String SET_DEFINITION_ID = "azure-policy-setdefinition-id";

  /** The assignment's {@code metadata.name}. */
  public static final String ASSIGNMENT = "gatehouse.dev/assignment";

  /** The assignment's display name. */
  public static final String ASSIGNMENT_DISPLAY_NAME = "gatehouse.dev/assignment-display-name";

  /** The definition's display name. */
  public static final String DEFINITION_DISPLAY_NAME = "gatehouse.dev/definition-display-name";

  /** The definition's version used. */
  public static final String DEFINITION_VERSION = "gatehouse.dev/definition-version";

  /** The definition's category ({@code Kubernetes}). */
  public static final String CATEGORY = "gatehouse.dev/category";

  /** The initiative's display name (initiatives only). */
  public static final String INITIATIVE_DISPLAY_NAME = "gatehouse.dev/initiative-display-name";

  /** The effect ({@code Deny}, {@code Audit}). */
  public static final String EFFECT = "gatehouse.dev/effect";

  /** The assignment's enforcement mode ({@code Default}, {@code DoNotEnforce}). */
  public static final String ENFORCEMENT_MODE = "gatehouse.dev/enforcement-mode";

  private ConstraintAnnotations() {}
}
