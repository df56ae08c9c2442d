/**
 * Azure Policy for Kubernetes, offline: policy definitions and initiatives (policy set definitions)
 * read as published (JSON, mode {@code Microsoft.Kubernetes.Data}), ARM template expressions, our
 * {@code PolicyAssignment} kind, and the expansion of assignments into ConstraintTemplates and
 * constraints named as the Azure Policy add-on names them.
 *
 * <p>Entry points: {@link dev.gatehouse.admission.azure.DefinitionCatalog} (definitions and
 * initiatives with every version read), {@link dev.gatehouse.admission.azure.AssignmentReader}
 * (assignment objects → validated {@link dev.gatehouse.admission.azure.PolicyAssignment}s) and
 * {@link dev.gatehouse.admission.azure.AzurePolicyLoader} (objects with assignments → a {@link
 * dev.gatehouse.admission.PolicySet} the admission engine compiles).
 */
@NullMarked
package dev.gatehouse.admission.azure;

import org.jspecify.annotations.NullMarked;
