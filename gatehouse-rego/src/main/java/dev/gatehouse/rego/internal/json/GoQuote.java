package dev.gatehouse.rego.internal.json;

/** Go's {@code strconv.Quote}: the double-quoted form used in OPA's text form of terms. */
public final class GoQuote {
  private GoQuote() {}

  /** Quotes {@code s} with Go escapes; printable Unicode is kept as is. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> append(sb, cp));
    return sb.append('"').toString();
  }

  private static void append(StringBuilder sb, int cp) {
    switch (cp) {
      case '"' -> sb.append("\\\"");
      case '\\' -> sb.append("\\\\");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 7 -> sb.append("\\a");
      case 8 -> sb.append("\\b");
      case 12 -> sb.append("\\f");
      case 11 -> sb.append("\\v");
      default -> {
        if (cp < 0x20 || cp == 0x7f) {
          sb.append(String.format("\\x%02x", cp));
        } else if (!isPrintable(cp)) {
          sb.append(cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
        } else {
          sb.appendCodePoint(cp);
        }
      }
    }
  }

  private static boolean isPrintable(int cp) {
    int type = Character.getType(cp);
    return type != Character.CONTROL
        && type != Character.UNASSIGNED
        && type != Character.SURROGATE
        && type != Character.FORMAT
        && type != Character.PRIVATE_USE
        && (cp == ' ' || (!Character.isWhitespace(cp) && type != Character.SPACE_SEPARATOR));
  }
}
