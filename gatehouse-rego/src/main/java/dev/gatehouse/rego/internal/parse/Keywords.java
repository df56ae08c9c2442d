package dev.gatehouse.rego.internal.parse;

import dev.gatehouse.rego.internal.parse.Token.Kind;
import java.util.Set;

/** Reserved words and token spellings for messages. */
final class Keywords {
  private static final Set<String> ALWAYS =
      Set.of(
          "package", "import", "default", "else", "not", "some", "with", "as", "true", "false",
          "null");
  private static final Set<String> ALL =
      Set.of(
          "package",
          "import",
          "default",
          "else",
          "not",
          "some",
          "with",
          "as",
          "true",
          "false",
          "null",
          "in",
          "every",
          "if",
          "contains");

  private Keywords() {}

  static boolean isReserved(String word, Set<String> enabled) {
    return ALWAYS.contains(word) || enabled.contains(word);
  }

  static boolean isTermReserved(String word) {
    return ALWAYS.contains(word)
        && !word.equals("true")
        && !word.equals("false")
        && !word.equals("null");
  }

  static boolean isKeywordText(String word) {
    return ALL.contains(word);
  }

  static String symbol(Kind k) {
    return switch (k) {
      case LBRACE -> "{";
      case RBRACE -> "}";
      case LBRACK -> "[";
      case RBRACK -> "]";
      case LPAREN -> "(";
      case RPAREN -> ")";
      case COMMA -> ",";
      case COLON -> ":";
      case STRING -> "string";
      case IDENT -> "identifier";
      default -> k.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
