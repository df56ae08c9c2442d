package dev.gatehouse.bench.netpol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command line of {@link ConnectivityScale}. */
record ScaleOptions(
    List<Integer> sizes,
    int repeats,
    List<String> xmx,
    int fullReferenceUpTo,
    int sample,
    Optional<Path> cli,
    Path work,
    int timeoutSeconds,
    boolean adminAndCilium) {

  /** The {@code -Xmx} for the size at {@code index}: its own entry, or the last one. */
  String xmxFor(int index) {
    return xmx.get(Math.min(index, xmx.size() - 1));
  }

  static ScaleOptions parse(String[] args) throws IOException {
    List<Integer> sizes = List.of(1000, 5000, 20000);
    int repeats = 3;
    List<String> xmx = List.of("1g", "1g", "3g");
    int fullUpTo = 5000;
    int sample = 200;
    Optional<Path> cli = Optional.empty();
    Path work = null;
    int timeout = 900;
    boolean adminAndCilium = false;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--sizes" -> {
          List<Integer> s = new ArrayList<>();
          for (String n : value.split(",")) {
            s.add(Integer.parseInt(n.trim()));
          }
          sizes = List.copyOf(s);
        }
        case "--repeats" -> repeats = Integer.parseInt(value);
        case "--xmx" -> xmx = List.of(value.split(","));
        case "--full-reference-up-to" -> fullUpTo = Integer.parseInt(value);
        case "--sample" -> sample = Integer.parseInt(value);
        case "--cli" -> cli = Optional.of(Path.of(value).toAbsolutePath());
        case "--work" -> work = Path.of(value);
        case "--timeout" -> timeout = Integer.parseInt(value);
        case "--admin-and-cilium" -> {
          adminAndCilium = true;
          continue;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
      i++;
    }
    if (work == null) {
      work = Files.createTempDirectory("gatehouse-scale");
    }
    return new ScaleOptions(
        sizes, repeats, xmx, fullUpTo, sample, cli, work, timeout, adminAndCilium);
  }
}
