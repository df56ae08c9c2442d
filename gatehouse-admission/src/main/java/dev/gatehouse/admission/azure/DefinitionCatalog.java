package dev.gatehouse.admission.azure;

import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every definition and initiative read, with all their versions: what {@code gatehouse policy
 * definitions} lists, what assignments refer to (by display name, name, id or file name), and what
 * initiative members resolve against (by id and {@code definitionVersion} pin). Immutable.
 *
 * <p>Azure keeps every version of a definition and initiatives pin major versions ({@code 6.*.*}).
 * A catalog that lacks the pinned version (the published files hold only the latest body) resolves
 * the member to the newest version it has and says so ({@link Resolution#substituted}).
 */
public final class DefinitionCatalog {
  /** The class-path index of bundled definitions. */
  public static final String BUNDLE_INDEX = "dev/gatehouse/admission/azure/definitions/index.txt";

  private static final DefinitionCatalog EMPTY = new DefinitionCatalog(List.of());
  private static final Comparator<CatalogEntry> BY_VERSION_DESC =
      Comparator.comparing(CatalogEntry::version).reversed();

  /** Entries grouped by lower-case id, newest version first. */
  private final Map<String, List<CatalogEntry>> byId;

  private DefinitionCatalog(List<CatalogEntry> entries) {
    Map<String, List<CatalogEntry>> m = new LinkedHashMap<>();
    for (CatalogEntry e : entries) {
      m.computeIfAbsent(key(e.id()), k -> new ArrayList<>()).add(e);
    }
    m.replaceAll((k, v) -> v.stream().sorted(BY_VERSION_DESC).toList());
    this.byId = java.util.Collections.unmodifiableMap(m);
  }

  /** The catalog holding nothing. */
  public static DefinitionCatalog empty() {
    return EMPTY;
  }

  /**
   * Reads files and directories (recursively, {@code *.json}, in name order). Problems are located
   * diagnostics; bad files are left out. A second file with the id and version of an earlier one is
   * reported and ignored.
   */
  public static DefinitionCatalog load(List<Path> paths, Diagnostics diagnostics) {
    List<JsonDocument> docs = new ArrayList<>();
    for (Path p : paths) {
      for (Path f : jsonFiles(p, diagnostics)) {
        try {
          String text = Files.readString(f, StandardCharsets.UTF_8);
          JsonDocument.parse(text, f.toString(), diagnostics).ifPresent(docs::add);
        } catch (IOException e) {
          diagnostics.error(
              "read-error", SourceLocation.ofFile(f.toString()), "cannot read: " + e.getMessage());
        }
      }
    }
    return read(docs, diagnostics);
  }

  /**
   * The definitions bundled as class-path resources: {@value #BUNDLE_INDEX} lists one resource path
   * (relative to its directory) per line; empty when nothing is bundled.
   */
  public static DefinitionCatalog bundled(ClassLoader loader, Diagnostics diagnostics) {
    String dir = BUNDLE_INDEX.substring(0, BUNDLE_INDEX.lastIndexOf('/') + 1);
    List<JsonDocument> docs = new ArrayList<>();
    for (String name : resourceLines(loader, BUNDLE_INDEX, diagnostics)) {
      try (InputStream in = loader.getResourceAsStream(dir + name)) {
        if (in == null) {
          diagnostics.error(
              "read-error",
              SourceLocation.ofFile(BUNDLE_INDEX),
              "bundled definition " + name + " is listed but missing");
          continue;
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        JsonDocument.parse(text, "bundled:" + name, diagnostics).ifPresent(docs::add);
      } catch (IOException e) {
        diagnostics.error(
            "read-error", SourceLocation.ofFile(name), "cannot read: " + e.getMessage());
      }
    }
    return read(docs, diagnostics);
  }

  private static List<String> resourceLines(ClassLoader loader, String path, Diagnostics d) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      d.error("read-error", SourceLocation.ofFile(path), "cannot read: " + e.getMessage());
      return List.of();
    }
  }

  /** Reads parsed files (e.g. resources bundled in a jar). */
  public static DefinitionCatalog read(List<JsonDocument> docs, Diagnostics diagnostics) {
    List<CatalogEntry> entries = new ArrayList<>();
    for (JsonDocument doc : docs) {
      DefinitionReader.read(doc, diagnostics).ifPresent(e -> addUnique(entries, e, diagnostics));
    }
    return new DefinitionCatalog(entries);
  }

  /** This catalog plus {@code other}'s entries (ids and versions already here win). */
  public DefinitionCatalog plus(DefinitionCatalog other, Diagnostics diagnostics) {
    List<CatalogEntry> entries = new ArrayList<>(all());
    other.all().forEach(e -> addUnique(entries, e, diagnostics));
    return new DefinitionCatalog(entries);
  }

  /** Whether the catalog holds nothing. */
  public boolean isEmpty() {
    return byId.isEmpty();
  }

  /** Every entry, every version. */
  public List<CatalogEntry> all() {
    return byId.values().stream().flatMap(List::stream).toList();
  }

  /** The newest version of each definition and initiative, initiatives first, by display name. */
  public List<CatalogEntry> latest() {
    return byId.values().stream()
        .map(v -> v.get(0))
        .sorted(
            Comparator.comparing((CatalogEntry e) -> e instanceof PolicyDefinition)
                .thenComparing(e -> e.displayName().toLowerCase(Locale.ROOT))
                .thenComparing(CatalogEntry::id))
        .toList();
  }

  /**
   * The newest version of every entry of {@code type} that {@code ref} names (display name, name,
   * id or file stem, ignoring case): none, one, or several when the reference is ambiguous.
   */
  public <T extends CatalogEntry> List<T> lookup(String ref, Class<T> type) {
    return latest().stream()
        .filter(type::isInstance)
        .filter(e -> e.isNamed(ref))
        .map(type::cast)
        .toList();
  }

  /**
   * Every version held of the definition or initiative with {@code id} (or that name), newest
   * first.
   */
  public List<CatalogEntry> versionsOf(String id) {
    List<CatalogEntry> v = byId.get(key(id));
    if (v != null) {
      return v;
    }
    String name = id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return byId.values().stream()
        .filter(l -> l.get(0).name().toLowerCase(Locale.ROOT).equals(name))
        .findFirst()
        .orElse(List.of());
  }

  /**
   * Resolves an initiative member: the definition {@code id} at the newest version satisfying
   * {@code pin} ("" = newest), or the newest version held when none does.
   */
  public Optional<Resolution> resolve(String id, String pin) {
    List<PolicyDefinition> versions =
        versionsOf(id).stream()
            .filter(PolicyDefinition.class::isInstance)
            .map(PolicyDefinition.class::cast)
            .toList();
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    if (pin.isEmpty()) {
      return Optional.of(new Resolution(versions.get(0), false));
    }
    for (PolicyDefinition d : versions) {
      if (d.version().satisfies(pin)) {
        return Optional.of(new Resolution(d, false));
      }
    }
    return Optional.of(new Resolution(versions.get(0), true));
  }

  /**
   * A resolved member definition.
   *
   * @param definition the definition used
   * @param substituted whether it does not satisfy the member's pin (no such version is held)
   */
  public record Resolution(PolicyDefinition definition, boolean substituted) {}

  private static void addUnique(List<CatalogEntry> entries, CatalogEntry e, Diagnostics d) {
    for (CatalogEntry x : entries) {
      if (key(x.id()).equals(key(e.id())) && x.version().equals(e.version())) {
        d.warning(
            "duplicate-definition",
            e.document().locate(""),
            e.typeName().toLowerCase(Locale.ROOT)
                + " "
                + e.id()
                + " version "
                + e.version()
                + " was already read from "
                + x.document().file()
                + "; ignored");
        return;
      }
    }
    entries.add(e);
  }

  private static List<Path> jsonFiles(Path p, Diagnostics diagnostics) {
    if (Files.isRegularFile(p)) {
      return List.of(p);
    }
    if (!Files.isDirectory(p)) {
      diagnostics.error(
          "no-such-file", SourceLocation.ofFile(p.toString()), "no such file or directory");
      return List.of();
    }
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      diagnostics.error(
          "read-error", SourceLocation.ofFile(p.toString()), "cannot list: " + e.getMessage());
      return List.of();
    }
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
