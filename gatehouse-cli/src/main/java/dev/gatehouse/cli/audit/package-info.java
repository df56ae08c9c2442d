/**
 * {@code gatehouse audit}: compliance of existing objects with everything assigned (Azure
 * assignments and constraints), as a table or as JSON, YAML, SARIF, JUnit, OpenReports or
 * PolicyReport documents.
 */
@NullMarked
package dev.gatehouse.cli.audit;

import org.jspecify.annotations.NullMarked;
