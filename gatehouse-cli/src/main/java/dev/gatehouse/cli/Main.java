package dev.gatehouse.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code gatehouse} command. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (used by tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    CommandLine cli = new CommandLine(new GatehouseCommand());
    List<Class<?>> named =
        GatehouseCommand.SUBCOMMANDS.stream()
            .filter(c -> names(c).contains(command(args)))
            .toList();
    for (Class<?> c : named.isEmpty() ? GatehouseCommand.SUBCOMMANDS : named) {
      cli.addSubcommand(c);
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExitCodeExceptionMapper(t -> ExitCodes.ERROR);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("gatehouse: " + ex.getMessage());
          ex.getCommandLine().usage(err);
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof UserException u) {
            err.println("gatehouse: " + u.getMessage());
            return u.exitCode();
          }
          err.println("gatehouse: internal error: " + ex);
          if (debug) {
            ex.printStackTrace(err);
          } else {
            err.println("gatehouse: run again with --debug for the stack trace");
          }
          return ExitCodes.ERROR;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The first argument that is not an option: the subcommand, when there is one. */
  private static String command(String[] args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        return a;
      }
    }
    return "";
  }

  private static List<String> names(Class<?> command) {
    Command c = command.getAnnotation(Command.class);
    List<String> out = new ArrayList<>(List.of(c.aliases()));
    out.add(c.name());
    return out;
  }
}
