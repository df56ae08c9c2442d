/**
 * Application-layer (L7) rules as Cilium defines them: HTTP rules matched with RE2 full-match
 * semantics, DNS name patterns ({@code matchName}/{@code matchPattern}) and the sets of rules that
 * restrict a port. The engine, the explanations and the proxies all match requests with these
 * classes, so they agree.
 */
@NullMarked
package dev.gatehouse.netpol.l7;

import org.jspecify.annotations.NullMarked;
