package dev.gatehouse.kube.report;

import dev.gatehouse.kube.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a SARIF 2.1.0 log (OASIS {@code sarif-v2.1.0-os}) that do not depend on what was
 * analysed: the log with one run, the tool's driver, a result's physical location and a stable
 * fingerprint. Documents are ordered maps and lists, ready for a JSON writer.
 *
 * <p>GitHub code scanning needs stable {@code ruleId}s, consistent artifact paths and {@code
 * partialFingerprints}; {@link #fingerprint} gives one that depends only on its text.
 */
public final class SarifLog {
  /** The {@code $schema} every log names. */
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifLog() {}

  /**
   * The tool that produced the log.
   *
   * @param informationUri where the tool's documentation lives, if it should be named
   * @param rules the {@code reportingDescriptor}s of the rules results refer to
   */
  public record Driver(
      String name, String version, Optional<String> informationUri, List<Object> rules) {
    /** Copies the list. */
    public Driver {
      rules = List.copyOf(rules);
    }
  }

  /** A log with one run of {@code driver} and its {@code results}. */
  public static Map<String, Object> of(Driver driver, List<Object> results) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", driver.name());
    d.put("version", driver.version());
    driver.informationUri().ifPresent(u -> d.put("informationUri", u));
    d.put("rules", driver.rules());
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", d));
    run.put("results", results);
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    return log;
  }

  /**
   * A {@code location} with the physical location of {@code at}: its file as the artifact URI and,
   * when known, its line as {@code region.startLine}.
   */
  public static Map<String, Object> location(SourceLocation at) {
    Map<String, Object> physical = new LinkedHashMap<>();
    physical.put("artifactLocation", Map.of("uri", at.file()));
    if (at.line() > 0) {
      physical.put("region", Map.of("startLine", at.line()));
    }
    return Map.of("physicalLocation", physical);
  }

  /** A fingerprint of {@code text}: the first 32 hex digits of its SHA-256. */
  public static String fingerprint(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
