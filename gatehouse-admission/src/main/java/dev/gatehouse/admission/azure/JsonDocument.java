package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.Diagnostics;
import dev.gatehouse.kube.LineIndex;
import dev.gatehouse.kube.LocatedJson;
import dev.gatehouse.kube.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One JSON file (a policy definition or initiative) as a Jackson tree plus the line of every field,
 * so problems in it can be reported as {@code file:line}. Definitions are not Kubernetes objects
 * (no {@code kind}), so they are read with the loader's {@link LocatedJson} rather than as objects.
 *
 * @param root the top-level object
 * @param file the file as the user named it
 * @param lines the 1-based line of each field, keyed by JSON pointer
 */
public record JsonDocument(ObjectNode root, String file, LineIndex lines) {

  /**
   * Parses {@code text}; a syntax error, an empty file, several top-level values, or a top-level
   * value that is not an object, is reported and gives an empty result.
   */
  public static Optional<JsonDocument> parse(String text, String file, Diagnostics diagnostics) {
    List<LocatedJson.Value> values = LocatedJson.read(text, file, diagnostics);
    if (values.isEmpty()) {
      if (!diagnostics.hasErrors()) {
        diagnostics.error("json-syntax", SourceLocation.ofFile(file), "empty JSON file");
      }
      return Optional.empty();
    }
    LocatedJson.Value first = values.getFirst();
    if (values.size() > 1) {
      diagnostics.error(
          "not-a-definition",
          new SourceLocation(file, values.get(1).line(), 0),
          "a definition file holds one JSON object; found more");
      return Optional.empty();
    }
    if (!(first.root() instanceof ObjectNode obj)) {
      diagnostics.error(
          "not-a-definition",
          new SourceLocation(file, first.line(), 0),
          "expected a JSON object (a policy definition or initiative)");
      return Optional.empty();
    }
    return Optional.of(new JsonDocument(obj, file, first.lines()));
  }

  /**
   * The location of the field at {@code pointer}, or of its nearest ancestor written in the file.
   */
  public SourceLocation locate(String pointer) {
    int line = lines.lineOf(pointer);
    return line > 0 ? new SourceLocation(file, line, 0) : SourceLocation.ofFile(file);
  }

  /** Escapes a field name for a JSON pointer (RFC 6901). */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
