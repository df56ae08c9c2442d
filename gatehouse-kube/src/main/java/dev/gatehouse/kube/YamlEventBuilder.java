package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Builds the Jackson tree of one YAML document straight from snakeyaml-engine's parser events,
 * without its composer's node graph: the general path for every document the {@link
 * BlockYamlParser} does not take (flow collections, block scalars, anchors, tags, ...).
 *
 * <p>It follows snakeyaml-engine's {@code Composer} where YAML leaves a choice: scalars without an
 * explicit tag (or with {@code !}) are resolved by the core schema, quoted ones are strings; an
 * alias is the anchored value itself (shared, so the tree must not be modified) and its line is the
 * anchor's; at most {@value #MAX_COLLECTION_ALIASES} aliases of collections per document (against
 * "billion laughs"); merge keys ({@code <<}) add the fields of the merged mappings that the mapping
 * does not have, after its own fields. Unlike the composer it rejects an alias inside its own
 * anchor (a recursive document) and nesting deeper than {@value #MAX_DEPTH} levels, with an error
 * naming the line instead of overflowing the stack later.
 */
final class YamlEventBuilder {
  static final int MAX_DEPTH = 1000;
  static final int MAX_COLLECTION_ALIASES = 1000;

  /**
   * The most values a document with aliases may expand to: each alias of a collection stands for a
   * copy of it for whoever walks the tree, so a few dozen nested aliases can stand for billions.
   */
  static final long MAX_EXPANDED_VALUES = 10_000_000;

  private final ParserImpl parser;
  private final int lineOffset;
  private final Map<JsonNode, int[]> childLines = new IdentityHashMap<>();
  private final Map<Anchor, Anchored> anchors = new HashMap<>();
  private final Set<Anchor> open = new HashSet<>();
  private int collectionAliases;

  /**
   * The first structural problem (a non-scalar or duplicate key, a cycle, too deep): reported once
   * the whole document has been parsed, so that a syntax error anywhere in it wins, as it would
   * with the composer, which builds the whole node graph before anything is converted.
   */
  private @Nullable YamlReadProblem problem;

  /**
   * A built value: the node, its first line, for a scalar its text (for use as a key), and how many
   * values it stands for with every alias in it expanded.
   */
  private record Built(JsonNode node, int line, Optional<String> scalarText, long expanded) {
    Built(JsonNode node, int line) {
      this(node, line, Optional.empty(), 1);
    }
  }

  /** What an anchor names. */
  private record Anchored(Built value) {}

  private YamlEventBuilder(LoadSettings settings, String text, int lineOffset) {
    this.parser = new ParserImpl(settings, new StreamReader(settings, text));
    this.lineOffset = lineOffset;
  }

  /**
   * Parses {@code text}, a single document whose first line is line {@code lineOffset + 1} of its
   * file; empty when the text holds no document or only a null.
   */
  static Optional<ParsedDocument> parse(LoadSettings settings, String text, int lineOffset) {
    return new YamlEventBuilder(settings, text, lineOffset).document();
  }

  private Optional<ParsedDocument> document() {
    parser.next(); // stream start
    if (parser.checkEvent(Event.ID.StreamEnd)) {
      return Optional.empty();
    }
    parser.next(); // document start
    Built root = node(0);
    parser.next(); // document end
    if (!parser.checkEvent(Event.ID.StreamEnd)) {
      Event extra = parser.next();
      throw new ComposerException(
          "expected a single document in the stream",
          Optional.empty(),
          "but found another document",
          extra.getStartMark());
    }
    if (problem != null) {
      throw problem;
    }
    if (root.node().isNull()) {
      return Optional.empty();
    }
    return Optional.of(new ParsedDocument(root.node(), root.line(), childLines));
  }

  private Built node(int depth) {
    Event event = parser.next();
    return switch (event) {
      case AliasEvent alias -> alias(alias);
      case ScalarEvent scalar -> anchor(scalar, scalar(scalar));
      case CollectionStartEvent start -> {
        if (depth >= MAX_DEPTH) {
          fail(line(start), "nesting deeper than " + MAX_DEPTH + " levels is not supported");
          skipCollection();
          yield new Built(YamlScalars.NODES.nullNode(), line(start));
        }
        start.getAnchor().ifPresent(open::add);
        Built built =
            event.getEventId() == Event.ID.MappingStart
                ? mapping(start, depth + 1)
                : sequence(start, depth + 1);
        start.getAnchor().ifPresent(open::remove);
        yield anchor(start, built);
      }
      default -> throw new YamlReadProblem(line(event), "unexpected YAML event " + event);
    };
  }

  private Built anchor(NodeEvent event, Built built) {
    event.getAnchor().ifPresent(a -> anchors.put(a, new Anchored(built)));
    return built;
  }

  private Built alias(AliasEvent event) {
    Anchor anchor = event.getAlias();
    if (open.contains(anchor)) {
      fail(line(event), "alias *" + anchor + " refers to a value that contains it (a cycle)");
      return new Built(YamlScalars.NODES.nullNode(), line(event));
    }
    Anchored target = anchors.get(anchor);
    if (target == null) {
      throw new ComposerException("found undefined alias " + anchor, event.getStartMark());
    }
    if (target.value().node().isContainerNode() && ++collectionAliases > MAX_COLLECTION_ALIASES) {
      throw new YamlEngineException(
          "Number of aliases for non-scalar nodes exceeds the specified max="
              + MAX_COLLECTION_ALIASES);
    }
    return target.value();
  }

  private Built scalar(ScalarEvent event) {
    Optional<String> tag = event.getTag();
    String value = event.getValue();
    Tag resolved =
        tag.isEmpty() || tag.get().equals("!")
            ? YamlScalars.RESOLVER.resolve(value, event.getImplicit().canOmitTagInPlainScalar())
            : new Tag(tag.get());
    return new Built(YamlScalars.tagged(resolved, value), line(event), Optional.of(value), 1);
  }

  private Built sequence(CollectionStartEvent start, int depth) {
    ArrayNode arr = YamlScalars.NODES.arrayNode();
    LineList lines = new LineList();
    long expanded = 1;
    while (!parser.checkEvent(Event.ID.SequenceEnd)) {
      Built item = node(depth);
      lines.add(item.line());
      arr.add(item.node());
      expanded = Math.min(MAX_EXPANDED_VALUES + 1, expanded + item.expanded());
    }
    parser.next();
    childLines.put(arr, lines.toArray());
    return collection(arr, line(start), expanded);
  }

  private Built mapping(CollectionStartEvent start, int depth) {
    ObjectNode obj = YamlScalars.NODES.objectNode();
    LineList lines = new LineList();
    List<Built> merges = new ArrayList<>(0);
    long expanded = 1;
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      boolean merge = isMergeKey(parser.peekEvent());
      YamlReadProblem before = problem;
      Built key = node(depth);
      String name = key.scalarText().orElse(null);
      if (!merge && name == null) {
        // Like the composer-based reader, report the key itself, not what is inside it.
        problem = before;
        fail(key.line(), "a mapping key must be a scalar");
      } else if (!merge && obj.has(name)) {
        fail(key.line(), "duplicate key \"" + name + "\"");
        name = null;
      }
      Built value = node(depth);
      expanded = Math.min(MAX_EXPANDED_VALUES + 1, expanded + key.expanded() + value.expanded());
      if (merge) {
        merges.add(value);
        continue;
      }
      if (name == null) {
        continue;
      }
      obj.set(name, value.node());
      lines.add(key.line());
    }
    parser.next();
    for (Built m : merges) {
      merge(obj, lines, m);
    }
    childLines.put(obj, lines.toArray());
    return collection(obj, line(start), expanded);
  }

  private Built collection(JsonNode node, int line, long expanded) {
    if (collectionAliases > 0 && expanded > MAX_EXPANDED_VALUES) {
      fail(line, "aliases expand this document to more than " + MAX_EXPANDED_VALUES + " values");
    }
    return new Built(node, line, Optional.empty(), expanded);
  }

  private static boolean isMergeKey(Event event) {
    if (!(event instanceof ScalarEvent s) || !s.getValue().equals("<<")) {
      return false;
    }
    Optional<String> tag = s.getTag();
    return tag.isEmpty() || tag.get().equals("!")
        ? YamlScalars.RESOLVER
            .resolve(s.getValue(), s.getImplicit().canOmitTagInPlainScalar())
            .equals(Tag.MERGE)
        : tag.get().equals(Tag.MERGE.getValue());
  }

  /** Adds the fields of a merged mapping (or of each mapping of a list) that {@code obj} lacks. */
  private void merge(ObjectNode obj, LineList lines, Built merged) {
    List<JsonNode> sources = new ArrayList<>();
    if (merged.node() instanceof ArrayNode list) {
      list.forEach(sources::add);
    } else {
      sources.add(merged.node());
    }
    for (JsonNode source : sources) {
      if (!(source instanceof ObjectNode from)) {
        throw new ComposerException(
            "Expected mapping node or an anchor referencing mapping",
            parser.peekEvent().getStartMark());
      }
      int[] fromLines = childLines.getOrDefault(from, new int[0]);
      int i = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); i++) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!obj.has(e.getKey())) {
          obj.set(e.getKey(), e.getValue());
          lines.add(i < fromLines.length ? fromLines[i] : merged.line());
        }
      }
    }
  }

  private void fail(int line, String message) {
    if (problem == null) {
      problem = new YamlReadProblem(line, message);
    }
  }

  /** Consumes the events of a collection whose start event has been read, without building it. */
  private void skipCollection() {
    int open = 1;
    while (open > 0) {
      Event.ID id = parser.next().getEventId();
      if (id == Event.ID.MappingStart || id == Event.ID.SequenceStart) {
        open++;
      } else if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
        open--;
      }
    }
  }

  private int line(Event event) {
    return event.getStartMark().map(Mark::getLine).orElse(0) + 1 + lineOffset;
  }

  /** A growable list of ints. */
  static final class LineList {
    private int[] values = new int[8];
    private int size;

    void add(int line) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = line;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
