package dev.gatehouse.cli.policy;

import dev.gatehouse.admission.azure.DefinitionCatalog;
import dev.gatehouse.admission.azure.TemplateStore;
import dev.gatehouse.kube.Diagnostics;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where policy definitions and templates come from: {@code --definitions PATH} (custom definitions
 * and initiatives, files or directories of JSON, read in place) on top of the built-in definitions,
 * which are found on the default search path, and {@code --templates DIR} (a directory laid out as
 * Azure's template store) before the built-in template library.
 *
 * <p>Default search path for the built-in definitions, first found wins: {@code
 * $GATEHOUSE_AZURE_DEFINITIONS} (paths separated by the platform's path separator); definitions
 * bundled on the class path; {@code shared/conformance/azure-policy} in the working directory, the
 * directory of the Gatehouse jar, or any of their ancestors.
 */
public final class AzureOptions {
  /** The environment variable naming the definitions to use instead of the search. */
  public static final String ENV = "GATEHOUSE_AZURE_DEFINITIONS";

  static final String SHARED = "shared/conformance/azure-policy";

  @Option(
      names = "--definitions",
      paramLabel = "PATH",
      description =
          "Policy definitions and initiatives (JSON files or directories) to use besides the"
              + " built-in ones. Repeatable.")
  List<Path> definitions = new ArrayList<>();

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "A directory laid out as Azure's template store (DIR/<name>/<vN>/template.yaml),"
              + " consulted before the built-in templates.")
  @Nullable Path templates;

  private @Nullable DefinitionCatalog catalog;

  /** The catalog: {@code --definitions} first, then the built-in definitions. Loaded once. */
  public DefinitionCatalog catalog(Diagnostics diagnostics) {
    DefinitionCatalog c = catalog;
    if (c == null) {
      c = DefinitionCatalog.load(definitions, diagnostics).plus(builtin(diagnostics), diagnostics);
      catalog = c;
    }
    return c;
  }

  /** {@code --templates}, then the built-in library. */
  public TemplateStore store() {
    Path dir = templates;
    return dir == null
        ? TemplateStore.builtin()
        : TemplateStore.directory(dir).orElse(TemplateStore.builtin());
  }

  private static DefinitionCatalog builtin(Diagnostics diagnostics) {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      List<Path> paths = new ArrayList<>();
      for (String p : env.split(File.pathSeparator)) {
        if (!p.isBlank()) {
          paths.add(Path.of(p));
        }
      }
      return DefinitionCatalog.load(paths, diagnostics);
    }
    DefinitionCatalog bundled =
        DefinitionCatalog.bundled(AzureOptions.class.getClassLoader(), diagnostics);
    if (!bundled.isEmpty()) {
      return bundled;
    }
    return searchShared()
        .map(p -> DefinitionCatalog.load(List.of(p), diagnostics))
        .orElse(DefinitionCatalog.empty());
  }

  /** {@code shared/conformance/azure-policy} above the working directory or the jar. */
  static Optional<Path> searchShared() {
    Set<Path> starts = new LinkedHashSet<>();
    starts.add(Path.of("").toAbsolutePath());
    jarDirectory().ifPresent(starts::add);
    for (Path start : starts) {
      for (Path p = start; p != null; p = p.getParent()) {
        Path candidate = p.resolve(SHARED);
        if (Files.isDirectory(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> jarDirectory() {
    try {
      var source = AzureOptions.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
      return Optional.ofNullable(Files.isDirectory(p) ? p : p.getParent());
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }
}
