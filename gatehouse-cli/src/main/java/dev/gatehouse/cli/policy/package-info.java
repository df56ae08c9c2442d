/**
 * {@code gatehouse policy}: Azure Policy for Kubernetes offline — list and show definitions and
 * initiatives, list the templates assignments install, and write {@code PolicyAssignment}s. The
 * {@link dev.gatehouse.cli.policy.AzureOptions} mixin gives every command that reads assignments
 * ({@code admission test}, {@code audit}) the same {@code --definitions} and {@code --templates}.
 */
@NullMarked
package dev.gatehouse.cli.policy;

import org.jspecify.annotations.NullMarked;
