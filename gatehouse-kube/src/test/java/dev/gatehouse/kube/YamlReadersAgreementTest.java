package dev.gatehouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The streaming YAML readers against the composer-based reader they replace ({@link
 * ComposerYamlReference}): the same documents, trees, lines of every field and diagnostics, on
 * every YAML file of the repository and of the shared conformance data, and on thousands of
 * randomly damaged copies of their documents (which exercise the fast reader's bail-outs and the
 * error paths). Also checks that the fast block reader and the event reader agree wherever the fast
 * one accepts a document, and that it accepts most real manifests (else the comparison would be
 * empty).
 */
class YamlReadersAgreementTest {
  /**
   * Raise these for a longer search: {@code -Dgatehouse.yaml.mutations=50 -Dgatehouse.yaml.seed=7}.
   */
  private static final int MUTATIONS_PER_DOCUMENT =
      Integer.getInteger("gatehouse.yaml.mutations", 5);

  private static final long SEED = Long.getLong("gatehouse.yaml.seed", 42L);
  private static final int MAX_MUTATED_DOCUMENTS = 600;
  private static final String TAB_HINT =
      " (the line is indented with a tab; YAML indentation takes spaces only)";

  @Test
  void corpusFiles_readLikeTheComposer() {
    List<String> texts = corpus();
    assertThat(texts).hasSizeGreaterThan(50);
    for (int i = 0; i < texts.size(); i++) {
      assertSameAsReference(texts.get(i), "corpus file " + i);
    }
  }

  @Test
  void damagedDocuments_readLikeTheComposer() {
    Random random = new Random(SEED);
    List<String> docs = documents(corpus());
    int checked = 0;
    for (String doc : docs) {
      if (checked >= MAX_MUTATED_DOCUMENTS) {
        break;
      }
      checked++;
      for (int m = 0; m < MUTATIONS_PER_DOCUMENT; m++) {
        String mutated = mutate(doc, random);
        assertSameAsReference(mutated, "mutation of:\n" + doc + "\n=== into:\n" + mutated);
      }
    }
    assertThat(checked).isGreaterThan(200);
  }

  @Test
  void fastReader_agreesWithEventReader_andTakesMostManifests() {
    int fast = 0;
    List<String> docs = documents(corpus());
    for (String doc : docs) {
      Optional<ParsedDocument> quick;
      try {
        quick = BlockYamlParser.parse(doc, 0, doc.length(), 0);
      } catch (BlockYamlParser.Unsupported e) {
        continue;
      }
      fast++;
      Optional<ParsedDocument> general =
          YamlEventBuilder.parse(YamlDocumentReader.SETTINGS, doc, 0);
      assertThat(quick.isPresent()).as(doc).isEqualTo(general.isPresent());
      if (quick.isPresent() && general.isPresent()) {
        assertSameDocument(quick.get(), general.get(), doc);
      }
    }
    assertThat(fast).as("documents read by the fast reader").isGreaterThan(docs.size() / 2);
  }

  static void assertSameAsReference(String text, String label) {
    Diagnostics expectedDiagnostics = new Diagnostics();
    List<ComposerYamlReference.Doc> expected;
    try {
      // A tab that starts a line inside a flow collection is separation white space (the reader
      // retries such documents with it as a space; FlowTabs): the composer reads it so too.
      expected = ComposerYamlReference.read(FlowTabs.untab(text), "f.yaml", expectedDiagnostics);
    } catch (StackOverflowError e) {
      return; // the reference cannot read a recursive alias; YamlReaderTest covers the new error
    }
    Diagnostics diagnostics = new Diagnostics();
    List<ParsedDocument> actual = YamlDocumentReader.read(text, "f.yaml", diagnostics);
    assertThat(render(diagnostics).stream().map(m -> m.replace(TAB_HINT, "")).toList())
        .as(label)
        .isEqualTo(render(expectedDiagnostics));
    assertThat(actual).as(label).hasSameSizeAs(expected);
    for (int i = 0; i < actual.size(); i++) {
      ParsedDocument a = actual.get(i);
      ComposerYamlReference.Doc e = expected.get(i);
      assertThat(a.root()).as(label).isEqualTo(e.root());
      assertThat(a.line()).as(label).isEqualTo(e.line());
      LineIndex lines = a.lines();
      for (Map.Entry<String, Integer> f : e.lineByPointer().entrySet()) {
        assertThat(lines.lineOf(f.getKey()))
            .as(label + "\nat " + f.getKey())
            .isEqualTo(f.getValue());
      }
    }
  }

  private static void assertSameDocument(ParsedDocument a, ParsedDocument b, String label) {
    assertThat(a.root()).as(label).isEqualTo(b.root());
    assertThat(a.line()).as(label).isEqualTo(b.line());
    List<String> pointers = new ArrayList<>();
    pointers(a.root(), "", pointers);
    for (String p : pointers) {
      assertThat(a.lines().lineOf(p)).as(label + "\nat " + p).isEqualTo(b.lines().lineOf(p));
    }
  }

  static void pointers(JsonNode node, String at, List<String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        out.add(p);
        pointers(e.getValue(), p, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(at + "/" + i);
        pointers(node.get(i), at + "/" + i, out);
      }
    }
  }

  private static List<String> render(Diagnostics d) {
    return d.all().stream().map(Diagnostic::render).toList();
  }

  /** A small random edit of the kind people make: a character, an indentation, a line. */
  private static String mutate(String doc, Random r) {
    if (doc.isEmpty()) {
      return doc;
    }
    String[] lines = doc.split("\n", -1);
    int l = r.nextInt(lines.length);
    int p = r.nextInt(doc.length());
    String noise = " :-#'\"{}[],\n&*!|>?%@`\t~0.\\<";
    return switch (r.nextInt(7)) {
      case 0 -> doc.substring(0, p) + doc.substring(p + 1);
      case 1 -> doc.substring(0, p) + noise.charAt(r.nextInt(noise.length())) + doc.substring(p);
      case 2 -> {
        lines[l] = " ".repeat(1 + r.nextInt(2)) + lines[l];
        yield String.join("\n", lines);
      }
      case 3 -> {
        lines[l] = lines[l].startsWith("  ") ? lines[l].substring(2) : lines[l];
        yield String.join("\n", lines);
      }
      case 4 -> {
        List<String> copy = new ArrayList<>(List.of(lines));
        copy.add(l, lines[l]);
        yield String.join("\n", copy);
      }
      case 5 -> {
        int k = Math.min(lines.length - 1, l + 1);
        String t = lines[l];
        lines[l] = lines[k];
        lines[k] = t;
        yield String.join("\n", lines);
      }
      default -> {
        String[] values = {
          "~", "null", "0x1F", "0o17", "1e3", "-.inf", "'a''b'", "\"x\"", "{}", "[]", "yes", "True",
          "+12", "1_0", ".5", "*a", "&a v", "!!str 1", "<<", "|", "- x"
        };
        lines[l] = lines[l] + " " + values[r.nextInt(values.length)];
        yield String.join("\n", lines);
      }
    };
  }

  /** The documents of each text, split at marker lines, as separate texts. */
  private static List<String> documents(List<String> texts) {
    List<String> out = new ArrayList<>();
    for (String text : texts) {
      StringBuilder current = new StringBuilder();
      for (String line : text.split("\r?\n", -1)) {
        if (line.startsWith("---") || line.startsWith("...")) {
          out.add(current.toString());
          current.setLength(0);
        } else {
          current.append(line).append('\n');
        }
      }
      out.add(current.toString());
    }
    out.removeIf(String::isBlank);
    return out;
  }

  /** Every YAML file of the repository and of the shared data beside it, in a stable order. */
  static List<String> corpus() {
    List<Path> roots = new ArrayList<>();
    Path module = Path.of("").toAbsolutePath();
    Path repo = module.getParent();
    if (repo != null) {
      roots.add(repo);
      Path shared = repo.resolveSibling("shared");
      if (Files.isDirectory(shared)) {
        roots.add(shared);
      }
    }
    List<String> texts = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
            .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .sorted()
            .forEach(p -> read(p).ifPresent(texts::add));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return texts;
  }

  private static Optional<String> read(Path p) {
    try {
      byte[] bytes = Files.readAllBytes(p);
      if (bytes.length > 2_000_000) {
        return Optional.empty();
      }
      return Optional.of(
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
