/** The {@code gatehouse} command line: one picocli subcommand per surface of the engines. */
@NullMarked
package dev.gatehouse.cli;

import org.jspecify.annotations.NullMarked;
