package dev.gatehouse.cli.rego;

import dev.gatehouse.cli.UserException;
import dev.gatehouse.rego.CompiledPolicy;
import dev.gatehouse.rego.ObjectValue;
import dev.gatehouse.rego.Rego;
import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.RegoModule;
import dev.gatehouse.rego.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads Rego modules ({@code *.rego}) and JSON data documents ({@code *.json}) from files and
 * directories (recursively, sorted), as {@code opa eval -d} and {@code opa test} do.
 */
record PolicyFiles(List<RegoModule> modules, Value data) {

  static PolicyFiles load(List<Path> paths) {
    List<RegoModule> modules = new ArrayList<>();
    Value data = ObjectValue.EMPTY;
    for (Path p : expand(paths)) {
      String name = p.getFileName().toString();
      if (name.endsWith(".rego")) {
        modules.add(new RegoModule(p.toString(), read(p)));
      } else if (name.endsWith(".json")) {
        data = merge(data, json(p));
      }
    }
    return new PolicyFiles(modules, data);
  }

  CompiledPolicy compile() {
    try {
      return Rego.compile(modules);
    } catch (RegoException e) {
      throw new UserException(e.getMessage());
    }
  }

  private static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new UserException(p + ": no such file or directory");
      }
    }
    return out;
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException(p + ": cannot read: " + e.getMessage());
    }
  }

  static Value json(Path p) {
    try {
      return Value.parseJson(read(p));
    } catch (IllegalArgumentException e) {
      throw new UserException(p + ":" + e.getMessage());
    }
  }

  static Value merge(Value base, Value add) {
    if (!(base instanceof ObjectValue b) || !(add instanceof ObjectValue a)) {
      return add;
    }
    java.util.TreeMap<Value, Value> out = new java.util.TreeMap<>(b.entries());
    a.entries().forEach((k, v) -> out.merge(k, v, PolicyFiles::merge));
    return new ObjectValue(out);
  }
}
