package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The YAML reader as it was before the streaming readers: snakeyaml-engine's composer builds a node
 * graph that is converted to Jackson with a map from JSON pointer to line. Kept in the tests as the
 * reference the new readers are compared with (YamlReadersAgreementTest).
 */
final class ComposerYamlReference {
  /** One document as the reference reads it. */
  record Doc(JsonNode root, int line, Map<String, Integer> lineByPointer) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);

  /** Immutable, so shared by every parse (building it per document shows up in profiles). */
  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setSchema(new CoreSchema())
          .setAllowDuplicateKeys(false)
          .setCodePointLimit(Integer.MAX_VALUE)
          .setMaxAliasesForCollections(1000)
          .setLabel("input")
          .build();

  private ComposerYamlReference() {}

  /** Parses every document of {@code text}; problems are reported to {@code diagnostics}. */
  static List<Doc> read(String text, String file, Diagnostics diagnostics) {
    List<Doc> out = new ArrayList<>();
    for (Chunk chunk : split(text)) {
      if (chunk.text().isBlank()) {
        continue;
      }
      try {
        Optional<Doc> doc = parse(chunk);
        doc.ifPresent(out::add);
      } catch (MarkedYamlEngineException e) {
        // Name where the broken construct starts (e.g. an unclosed "[") when the parser knows it;
        // an error found at the end of the document belongs to its last written line.
        int line =
            e.getContextMark()
                .or(e::getProblemMark)
                .map(
                    m ->
                        Math.min(m.getLine(), lastContentLine(chunk.text()))
                            + 1
                            + chunk.firstLine())
                .orElse(0);
        diagnostics.error(
            "yaml-syntax",
            new SourceLocation(file, line > 0 ? line : chunk.firstLine() + 1, 0),
            "YAML syntax error: " + oneLine(e.getProblem()) + "; document skipped");
      } catch (StructureProblem e) {
        diagnostics.error(
            "yaml-structure",
            new SourceLocation(file, e.line, 0),
            e.getMessage() + "; document skipped");
      } catch (YamlEngineException | IllegalArgumentException e) {
        diagnostics.error(
            "yaml-syntax",
            new SourceLocation(file, chunk.firstLine() + 1, 0),
            "YAML error: " + oneLine(String.valueOf(e.getMessage())) + "; document skipped");
      }
    }
    return out;
  }

  /** The 0-based index of the last line of {@code text} that is not blank. */
  private static int lastContentLine(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = lines.length - 1; i >= 0; i--) {
      if (!lines[i].isBlank()) {
        return i;
      }
    }
    return 0;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  /** A document that parses as YAML but cannot be a Kubernetes object tree. */
  private static final class StructureProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    StructureProblem(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  /** A document's text and the 0-based line where it starts in the file. */
  private record Chunk(String text, int firstLine) {}

  private static List<Chunk> split(String text) {
    List<Chunk> chunks = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    StringBuilder current = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      boolean marker =
          l.startsWith("---") && (l.length() == 3 || Character.isWhitespace(l.charAt(3)));
      boolean end = l.equals("...") || l.startsWith("... ");
      if (marker || end) {
        chunks.add(new Chunk(current.toString(), start));
        current.setLength(0);
        start = i;
        if (marker && l.length() > 3 && !l.substring(3).isBlank()) {
          // "--- value" : the document's content starts on the marker line.
          current.append("   ").append(l.substring(3));
        }
        current.append('\n');
        continue;
      }
      current.append(l).append('\n');
    }
    chunks.add(new Chunk(current.toString(), start));
    return chunks;
  }

  private static Optional<Doc> parse(Chunk chunk) {
    LoadSettings settings = SETTINGS;
    Composer composer =
        new Composer(settings, new ParserImpl(settings, new StreamReader(settings, chunk.text())));
    Optional<Node> node = composer.getSingleNode();
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> lines = new HashMap<>();
    JsonNode root = convert(node.get(), "", chunk.firstLine(), lines);
    if (root.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new Doc(root, lineOf(node.get(), chunk.firstLine()), lines));
  }

  private static int lineOf(Node node, int offset) {
    return node.getStartMark().map(Mark::getLine).orElse(0) + 1 + offset;
  }

  private static JsonNode convert(
      Node node, String pointer, int offset, Map<String, Integer> lines) {
    return switch (node) {
      case MappingNode m -> {
        ObjectNode obj = NODES.objectNode();
        for (NodeTuple t : m.getValue()) {
          if (!(t.getKeyNode() instanceof ScalarNode key)) {
            throw new StructureProblem(
                lineOf(t.getKeyNode(), offset), "a mapping key must be a scalar");
          }
          if (key.getValue().equals("<<") && key.getTag().equals(Tag.MERGE)) {
            continue;
          }
          if (obj.has(key.getValue())) {
            throw new StructureProblem(
                lineOf(key, offset), "duplicate key \"" + key.getValue() + "\"");
          }
          String child = pointer + "/" + escape(key.getValue());
          lines.put(child, lineOf(key, offset));
          obj.set(key.getValue(), convert(t.getValueNode(), child, offset, lines));
        }
        yield obj;
      }
      case SequenceNode s -> {
        ArrayNode arr = NODES.arrayNode();
        List<Node> items = s.getValue();
        for (int i = 0; i < items.size(); i++) {
          String child = pointer + "/" + i;
          lines.put(child, lineOf(items.get(i), offset));
          arr.add(convert(items.get(i), child, offset, lines));
        }
        yield arr;
      }
      case ScalarNode sc -> scalar(sc);
      default -> NODES.nullNode();
    };
  }

  private static JsonNode scalar(ScalarNode sc) {
    String v = sc.getValue();
    Tag tag = sc.getTag();
    if (tag.equals(Tag.NULL)) {
      return NODES.nullNode();
    }
    if (tag.equals(Tag.BOOL)) {
      return NODES.booleanNode(v.equalsIgnoreCase("true"));
    }
    if (tag.equals(Tag.INT)) {
      return integer(v);
    }
    if (tag.equals(Tag.FLOAT)) {
      return floating(v);
    }
    return NODES.textNode(v);
  }

  private static JsonNode integer(String v) {
    String s = v.startsWith("+") ? v.substring(1) : v;
    BigInteger n;
    if (s.startsWith("0x")) {
      n = new BigInteger(s.substring(2), 16);
    } else if (s.startsWith("0o")) {
      n = new BigInteger(s.substring(2), 8);
    } else {
      n = new BigInteger(s);
    }
    return n.bitLength() < 64 ? NODES.numberNode(n.longValue()) : NODES.numberNode(n);
  }

  private static JsonNode floating(String v) {
    String s = v.toLowerCase(java.util.Locale.ROOT);
    return switch (s) {
      case ".inf", "+.inf" -> NODES.numberNode(Double.POSITIVE_INFINITY);
      case "-.inf" -> NODES.numberNode(Double.NEGATIVE_INFINITY);
      case ".nan" -> NODES.numberNode(Double.NaN);
      default -> NODES.numberNode(new BigDecimal(v));
    };
  }

  /** Escapes a key for a JSON pointer (RFC 6901). */
  static String escape(String key) {
    return key.indexOf('~') < 0 && key.indexOf('/') < 0
        ? key
        : key.replace("~", "~0").replace("/", "~1");
  }
}
