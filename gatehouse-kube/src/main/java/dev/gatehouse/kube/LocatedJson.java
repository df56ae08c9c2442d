package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads JSON that is not necessarily a Kubernetes object (Azure policy definitions, say) into
 * Jackson trees that keep the line of every field: the same reader the Kubernetes loader uses for
 * {@code .json} files.
 */
public final class LocatedJson {
  private LocatedJson() {}

  /** One top-level JSON value, the line it starts on, and the lines of its fields. */
  public record Value(JsonNode root, int line, LineIndex lines) {}

  /**
   * Parses every top-level value of {@code text}; a syntax error is reported to {@code diagnostics}
   * with its line and ends the file.
   */
  public static List<Value> read(String text, String file, Diagnostics diagnostics) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return JsonDocumentReader.read(body, file, diagnostics).stream()
        .map(d -> new Value(d.root(), d.line(), d.lines()))
        .toList();
  }
}
