package dev.gatehouse.admission.azure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names constraints as the Azure Policy add-on does, {@code azurepolicy-<template name cut to 30
 * characters>-<20 hex>} (at most 63 characters, a valid Kubernetes name), e.g. {@code
 * azurepolicy-k8sazurev2noprivilege-bba3aab5a745b0e81725}.
 *
 * <p>Azure does not publish how it derives the 20 hex digits. Ours are deterministic: the first 20
 * hex digits (80 bits) of the SHA-256 of the lower-cased assignment id and definition id joined by
 * a newline, plus a newline and the lower-cased {@code policyDefinitionReferenceId} when the
 * definition is an initiative member (an initiative may hold the same definition twice). So the
 * same assignment always deploys the same names, and two assignments never share one.
 */
public final class ConstraintNames {
  /** The prefix of every constraint an assignment deploys. */
  public static final String PREFIX = "azurepolicy-";

  private static final int TEMPLATE_CHARS = 30;
  private static final int HEX_CHARS = 20;

  private ConstraintNames() {}

  /**
   * The constraint name for a template deployed by an assignment.
   *
   * @param templateName the ConstraintTemplate's {@code metadata.name}
   * @param assignmentId the assignment's id
   * @param definitionId the definition's id
   * @param referenceId the initiative member's reference id, or "" for a definition assigned alone
   */
  public static String of(
      String templateName, String assignmentId, String definitionId, String referenceId) {
    String cut =
        templateName.length() > TEMPLATE_CHARS
            ? templateName.substring(0, TEMPLATE_CHARS)
            : templateName;
    return PREFIX + cut + "-" + hash(assignmentId, definitionId, referenceId);
  }

  /** The 20 hex digits for an assignment, definition and reference id. */
  public static String hash(String assignmentId, String definitionId, String referenceId) {
    String input =
        (assignmentId + "\n" + definitionId + (referenceId.isEmpty() ? "" : "\n" + referenceId))
            .toLowerCase(Locale.ROOT);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
