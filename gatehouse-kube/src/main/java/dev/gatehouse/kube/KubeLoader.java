package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads Kubernetes objects from files, directories (recursively; {@code .yaml}, {@code .yml} and
 * {@code .json} only) and stdin ({@code -}).
 *
 * <p>Multi-document YAML and JSON are read; {@code List} and {@code *List} kinds are flattened. A
 * document that cannot be used is reported with its file and line and skipped; the other documents
 * of the same file are still used.
 */
public final class KubeLoader {
  private final InputStream stdin;

  private KubeLoader(InputStream stdin) {
    this.stdin = stdin;
  }

  /** A loader reading {@code -} from the given stream. */
  public static KubeLoader withStdin(InputStream stdin) {
    return new KubeLoader(stdin);
  }

  /** A loader reading {@code -} from {@link System#in}. */
  public static KubeLoader standard() {
    return new KubeLoader(System.in);
  }

  /** Loads every path in order; problems go to {@code diagnostics}. */
  public List<KubeObject> load(List<String> paths, Diagnostics diagnostics) {
    List<KubeObject> out = new ArrayList<>();
    for (String path : paths) {
      if (path.equals("-")) {
        loadText(readStdin(), "<stdin>", false, out, diagnostics);
        continue;
      }
      Path p = Path.of(path);
      if (Files.isDirectory(p)) {
        loadFiles(listInputFiles(p), out, diagnostics);
      } else if (Files.isRegularFile(p)) {
        loadFile(p, path, out, diagnostics);
      } else {
        diagnostics.error("no-such-file", SourceLocation.ofFile(path), "no such file or directory");
      }
    }
    return out;
  }

  /** Parses {@code text} as the content of {@code file} (used by servers and tests). */
  public static List<KubeObject> parse(String text, String file, Diagnostics diagnostics) {
    List<KubeObject> out = new ArrayList<>();
    loadText(text, file, file.toLowerCase(Locale.ROOT).endsWith(".json"), out, diagnostics);
    return out;
  }

  /**
   * Parses the files of a directory in parallel (YAML parsing dominates loading large trees), then
   * adds their objects and diagnostics in file order, so the result does not depend on scheduling.
   */
  private static void loadFiles(List<Path> files, List<KubeObject> out, Diagnostics diagnostics) {
    record FileResult(List<KubeObject> objects, Diagnostics diagnostics) {}
    List<FileResult> results =
        files.parallelStream()
            .map(
                f -> {
                  List<KubeObject> objects = new ArrayList<>();
                  Diagnostics local = new Diagnostics();
                  loadFile(f, f.toString(), objects, local);
                  return new FileResult(objects, local);
                })
            .toList();
    for (FileResult r : results) {
      out.addAll(r.objects());
      r.diagnostics().all().forEach(diagnostics::add);
    }
  }

  private static List<Path> listInputFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(KubeLoader::isInputFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isInputFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private String readStdin() {
    try {
      return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void loadFile(Path p, String name, List<KubeObject> out, Diagnostics diagnostics) {
    String text;
    try {
      text = Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      diagnostics.error(
          "read-error", SourceLocation.ofFile(name), "cannot read file: " + e.getMessage());
      return;
    }
    boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
    loadText(text, name, json, out, diagnostics);
  }

  private static void loadText(
      String text, String file, boolean json, List<KubeObject> out, Diagnostics diagnostics) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    boolean looksJson =
        json || text.stripLeading().startsWith("{") || text.stripLeading().startsWith("[");
    List<ParsedDocument> docs =
        looksJson
            ? JsonDocumentReader.read(text, file, diagnostics)
            : YamlDocumentReader.read(text, file, diagnostics);
    for (ParsedDocument doc : docs) {
      LineIndex lines = doc.lines();
      addDocument(doc.root(), new SourceLocation(file, doc.line(), 0), lines, out, diagnostics);
    }
  }

  private static void addDocument(
      JsonNode root,
      SourceLocation at,
      LineIndex lines,
      List<KubeObject> out,
      Diagnostics diagnostics) {
    if (!(root instanceof ObjectNode obj)) {
      String what =
          root.isArray() ? "an array" : "a " + root.getNodeType().name().toLowerCase(Locale.ROOT);
      diagnostics.error(
          "not-an-object", at, "not a Kubernetes object (the document is " + what + "); skipped");
      return;
    }
    String kind = obj.path("kind").asText("");
    String apiVersion = obj.path("apiVersion").asText("");
    if (kind.isEmpty() || apiVersion.isEmpty()) {
      diagnostics.error(
          "not-an-object",
          at,
          "not a Kubernetes object (missing "
              + (kind.isEmpty() ? "kind" : "apiVersion")
              + "); skipped");
      return;
    }
    if (kind.endsWith("List") && obj.has("items")) {
      flattenList(obj, at, lines, out, diagnostics);
      return;
    }
    // An AdmissionReview is a request envelope, not a stored object: it has no metadata.
    if (!obj.path("metadata").isObject() && !kind.equals("AdmissionReview")) {
      diagnostics.error("no-metadata", at, kind + " without metadata; skipped");
      return;
    }
    out.add(new KubeObject(obj, at, lines));
  }

  private static void flattenList(
      ObjectNode list,
      SourceLocation at,
      LineIndex lines,
      List<KubeObject> out,
      Diagnostics diagnostics) {
    JsonNode items = list.get("items");
    if (!items.isArray()) {
      diagnostics.error(
          "bad-list", at, list.path("kind").asText() + ": items is not a list; skipped");
      return;
    }
    String listKind = list.path("kind").asText();
    String itemKind = listKind.equals("List") ? "" : listKind.substring(0, listKind.length() - 4);
    for (int i = 0; i < items.size(); i++) {
      String ptr = "/items/" + i;
      int line = lines.lineOf(ptr);
      JsonNode item = items.get(i);
      if (item instanceof ObjectNode o && !itemKind.isEmpty() && !o.has("kind")) {
        // Items of a typed list (PodList, ...) may omit their kind and apiVersion.
        ObjectNode typed = o.deepCopy();
        typed.put("kind", itemKind);
        typed.put("apiVersion", list.path("apiVersion").asText());
        item = typed;
      }
      addDocument(item, line > 0 ? at.atLine(line) : at, lines.child(ptr), out, diagnostics);
    }
  }
}
