package dev.gatehouse.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * YAML 1.2 core-schema scalars as Jackson values: {@code null}/{@code ~}, {@code true}/{@code
 * false}, integers (decimal, {@code 0o} octal, {@code 0x} hex) and floats resolve to JSON values,
 * everything else (and every quoted scalar) is a string. Both YAML readers use it, so they cannot
 * disagree.
 */
final class YamlScalars {
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);

  /**
   * snakeyaml-engine's core-schema resolver: the definition of which plain scalars are not strings.
   */
  static final ScalarResolver RESOLVER = new CoreSchema().getScalarResolver();

  /** The core schema's plain scalars that start with a letter and are not strings. */
  private static final java.util.Set<String> CORE_WORDS =
      java.util.Set.of("null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE");

  private YamlScalars() {}

  /** The value of a plain scalar whose tag is to be resolved from its text. */
  static JsonNode plain(String v) {
    if (v.isEmpty() || !mayResolve(v.charAt(0))) {
      return v.isEmpty() ? NODES.nullNode() : NODES.textNode(v);
    }
    if (Character.isLetter(v.charAt(0)) && !CORE_WORDS.contains(v)) {
      return NODES.textNode(v); // a word other than null/true/false is a string; skip the regexes
    }
    return tagged(RESOLVER.resolve(v, true), v);
  }

  /**
   * Whether a plain scalar starting with {@code c} can be anything but a string in the core schema
   * (numbers, {@code .inf}/{@code .nan}, {@code ~}, null, true and false, and the merge key).
   */
  static boolean mayResolve(char c) {
    return (c >= '0' && c <= '9')
        || switch (c) {
          case '+', '-', '.', '~', 'n', 'N', 't', 'T', 'f', 'F', '<', '$' -> true;
          default -> false;
        };
  }

  /** The value of a scalar with the given (resolved or explicit) tag. */
  static JsonNode tagged(Tag tag, String v) {
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
    } else if (s.length() < 19) {
      return NODES.numberNode(Long.parseLong(s));
    } else {
      n = new BigInteger(s);
    }
    return n.bitLength() < 64 ? NODES.numberNode(n.longValue()) : NODES.numberNode(n);
  }

  private static JsonNode floating(String v) {
    String s = v.toLowerCase(Locale.ROOT);
    return switch (s) {
      case ".inf", "+.inf" -> NODES.numberNode(Double.POSITIVE_INFINITY);
      case "-.inf" -> NODES.numberNode(Double.NEGATIVE_INFINITY);
      case ".nan" -> NODES.numberNode(Double.NaN);
      default -> NODES.numberNode(new BigDecimal(v));
    };
  }
}
