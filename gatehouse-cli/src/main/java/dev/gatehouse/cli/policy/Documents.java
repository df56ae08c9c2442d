package dev.gatehouse.cli.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gatehouse.cli.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Renders documents (maps and lists) as JSON or YAML, and writes output files atomically. */
public final class Documents {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Documents() {}

  /** Indented JSON. */
  public static String json(Object doc) {
    try {
      return JSON.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }

  /** Block-style YAML; lines are not folded before 200 characters (display names stay whole). */
  public static String yaml(Object doc) {
    return new Dump(
            DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(200).build())
        .dumpToString(doc);
  }

  /** Several YAML documents separated by {@code ---}. */
  public static String yamlStream(List<?> docs) {
    StringBuilder sb = new StringBuilder();
    for (Object d : docs) {
      sb.append("---\n").append(yaml(d));
    }
    return sb.toString();
  }

  /**
   * Writes {@code text} to {@code file} atomically: to a temporary file in the same directory, then
   * renamed over the target, so readers never see a partial file.
   */
  public static void writeAtomically(Path file, String text) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
          Files.move(
              tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + e.getMessage());
    }
  }
}
