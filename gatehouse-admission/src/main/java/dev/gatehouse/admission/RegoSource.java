package dev.gatehouse.admission;

import java.util.List;

/**
 * A Rego source: the template module, its {@code libs}, and the Rego version ({@code v0} unless
 * {@code source.version: v1}).
 */
public record RegoSource(String rego, List<String> libs, String version, String pointer)
    implements TemplateSource {
  /** The engine name used in {@code code[].engine}. */
  public static final String ENGINE = "Rego";

  /** Copies the list. */
  public RegoSource {
    libs = List.copyOf(libs);
  }

  @Override
  public String engine() {
    return ENGINE;
  }
}
