package dev.gatehouse.bench.netpol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** A one-paragraph description of the machine and JVM a measurement ran on. */
final class Machine {
  private Machine() {}

  static String describe() {
    return "machine: "
        + Runtime.getRuntime().availableProcessors()
        + " CPUs ("
        + field("/proc/cpuinfo", "model name")
        + "), "
        + field("/proc/meminfo", "MemTotal")
        + " RAM, JDK "
        + Runtime.version()
        + " ("
        + System.getProperty("java.vm.name")
        + "), "
        + LocalDate.now();
  }

  private static String field(String file, String name) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      return lines.stream()
          .filter(l -> l.startsWith(name))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
