package dev.gatehouse.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads multi-document YAML (YAML 1.2 core schema, so {@code yes}/{@code no} stay strings) into
 * Jackson trees, keeping the line of every field.
 *
 * <p>Documents are split at {@code ---} lines before parsing so that a syntax error in one document
 * costs only that document: the others of the same file are still read. Each document is read by
 * the {@link BlockYamlParser} when it is plain block YAML, else by the {@link YamlEventBuilder}.
 */
final class YamlDocumentReader {
  /** Immutable, so shared by every parse (building it per document shows up in profiles). */
  static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setSchema(new CoreSchema())
          .setAllowDuplicateKeys(false)
          .setCodePointLimit(Integer.MAX_VALUE)
          .setMaxAliasesForCollections(YamlEventBuilder.MAX_COLLECTION_ALIASES)
          .setLabel("input")
          .build();

  private YamlDocumentReader() {}

  /** Parses every document of {@code text}; problems are reported to {@code diagnostics}. */
  static List<ParsedDocument> read(String text, String file, Diagnostics diagnostics) {
    List<ParsedDocument> out = new ArrayList<>();
    for (Chunk chunk : split(text)) {
      if (chunk.isBlank()) {
        continue;
      }
      if (chunk.marker().isEmpty()) {
        try {
          BlockYamlParser.parse(text, chunk.from(), chunk.to(), chunk.bodyLine())
              .ifPresent(out::add);
          continue;
        } catch (BlockYamlParser.Unsupported e) {
          // read it with the general reader below
        }
      }
      readGeneral(chunk.text(), chunk.firstLine(), file, diagnostics).ifPresent(out::add);
    }
    return out;
  }

  /** Reads one document with snakeyaml-engine's parser; problems go to {@code diagnostics}. */
  private static Optional<ParsedDocument> readGeneral(
      String text, int firstLine, String file, Diagnostics diagnostics) {
    try {
      return YamlEventBuilder.parse(SETTINGS, text, firstLine);
    } catch (MarkedYamlEngineException e) {
      Optional<ParsedDocument> retried = retryWithoutFlowTabs(text, firstLine, e);
      if (retried.isPresent()) {
        return retried;
      }
      // Name where the broken construct starts (e.g. an unclosed "[") when the parser knows it;
      // an error found at the end of the document belongs to its last written line.
      int line =
          e.getContextMark()
              .or(e::getProblemMark)
              .map(m -> Math.min(m.getLine(), lastContentLine(text)) + 1 + firstLine)
              .orElse(0);
      diagnostics.error(
          "yaml-syntax",
          new SourceLocation(file, line > 0 ? line : firstLine + 1, 0),
          "YAML syntax error: "
              + oneLine(e.getProblem())
              + (e.getProblemMark()
                      .filter(m -> FlowTabs.lineStartsWithTab(text, m.getLine()))
                      .isPresent()
                  ? " (the line is indented with a tab; YAML indentation takes spaces only)"
                  : "")
              + "; document skipped");
    } catch (YamlReadProblem e) {
      diagnostics.error(
          "yaml-structure",
          new SourceLocation(file, e.line(), 0),
          e.getMessage() + "; document skipped");
    } catch (YamlEngineException | IllegalArgumentException e) {
      diagnostics.error(
          "yaml-syntax",
          new SourceLocation(file, firstLine + 1, 0),
          "YAML error: " + oneLine(String.valueOf(e.getMessage())) + "; document skipped");
    }
    return Optional.empty();
  }

  /**
   * Reads the document again with the tabs that start lines inside flow collections made spaces
   * (valid YAML that snakeyaml rejects, see {@link FlowTabs}); empty when that is not the problem
   * or the document still fails, in which case the first error is the one reported.
   */
  private static Optional<ParsedDocument> retryWithoutFlowTabs(
      String text, int firstLine, MarkedYamlEngineException e) {
    if (!FlowTabs.mayBeTabProblem(e.getProblem())) {
      return Optional.empty();
    }
    String untabbed = FlowTabs.untab(text);
    if (untabbed.equals(text)) {
      return Optional.empty();
    }
    try {
      return YamlEventBuilder.parse(SETTINGS, untabbed, firstLine);
    } catch (YamlEngineException | YamlReadProblem | IllegalArgumentException again) {
      return Optional.empty();
    }
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

  /**
   * One document of a file: the lines between two markers, {@code text[from, to)}, which start on
   * the 0-based line {@code bodyLine}; the 0-based line of the marker that opens it ({@code
   * firstLine}, the same as {@code bodyLine} for the file's first document); what follows {@code
   * ---} on the marker line (null for the first document).
   */
  private record Chunk(
      String source, int from, int to, int firstLine, int bodyLine, @Nullable String markerRest) {
    Optional<String> marker() {
      return markerRest == null || markerRest.isEmpty()
          ? Optional.empty()
          : Optional.of(markerRest);
    }

    boolean isBlank() {
      return marker().isEmpty() && source.substring(from, to).isBlank();
    }

    /**
     * The text the general reader parses: the marker line as a blank line (or, for {@code ---
     * value}, the value in its column), then the body with CRLF line ends as LF.
     */
    String text() {
      String body = source.substring(from, to);
      if (body.indexOf('\r') >= 0) {
        body = body.replace("\r\n", "\n");
      }
      if (markerRest == null) {
        return body;
      }
      return (markerRest.isEmpty() ? "" : "   " + markerRest) + "\n" + body;
    }
  }

  private static List<Chunk> split(String text) {
    List<Chunk> chunks = new ArrayList<>();
    int from = 0;
    int firstLine = 0;
    int bodyLine = 0;
    String markerRest = null;
    int line = 0;
    for (int start = 0; start < text.length(); line++) {
      int nl = text.indexOf('\n', start);
      int next = nl < 0 ? text.length() : nl + 1;
      int end = nl < 0 ? text.length() : nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
      boolean marker =
          text.startsWith("---", start)
              && (end - start == 3 || Character.isWhitespace(text.charAt(start + 3)));
      boolean docEnd =
          text.startsWith("...", start) && (end - start == 3 || text.charAt(start + 3) == ' ');
      if (marker || docEnd) {
        chunks.add(new Chunk(text, from, start, firstLine, bodyLine, markerRest));
        String rest = marker && end - start > 3 ? text.substring(start + 3, end) : "";
        markerRest = rest.isBlank() ? "" : rest;
        firstLine = line;
        bodyLine = line + 1;
        from = next;
      }
      start = next;
    }
    chunks.add(new Chunk(text, from, text.length(), firstLine, bodyLine, markerRest));
    return chunks;
  }
}
