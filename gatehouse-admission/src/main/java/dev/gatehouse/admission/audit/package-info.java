/**
 * Compliance audit: every existing object (and, as Gatekeeper's expansion does, the pod template of
 * every workload) reviewed against every constraint at the audit enforcement point, with compliance
 * per policy (an Azure assignment, or a constraint of its own), per resource and per container, and
 * the report formats that carry it (JSON documents, OpenReports and PolicyReport, SARIF, JUnit).
 *
 * <p>Entry points: {@link dev.gatehouse.admission.audit.Auditor#audit} and the report writers
 * ({@link dev.gatehouse.admission.audit.AuditDocument}, {@link
 * dev.gatehouse.admission.audit.PolicyReports}, {@link dev.gatehouse.admission.audit.SarifReport},
 * {@link dev.gatehouse.admission.audit.JUnitReport}).
 */
@NullMarked
package dev.gatehouse.admission.audit;

import org.jspecify.annotations.NullMarked;
