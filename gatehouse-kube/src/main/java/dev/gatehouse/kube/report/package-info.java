/**
 * The generic parts of the CI report formats that several analyses write: the SARIF 2.1.0 log
 * skeleton and locations, and JUnit XML with its escaping. What a finding means stays with the
 * analysis (admission audit, network-policy lint); only the document shapes live here.
 */
@NullMarked
package dev.gatehouse.kube.report;

import org.jspecify.annotations.NullMarked;
