package dev.gatehouse.rego.internal.parse;

import dev.gatehouse.rego.Location;
import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.internal.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits Rego source into tokens; comments start with {@code #} and run to the end of line. */
final class Lexer {
  private final String src;
  private final String file;
  private int pos;
  private int row = 1;
  private int lineStart;
  private final List<Token> out = new ArrayList<>();

  private Lexer(String src, String file) {
    this.src = src;
    this.file = file;
  }

  static List<Token> tokenize(String src, String file) {
    Lexer l = new Lexer(src, file);
    l.run();
    return l.out;
  }

  private void run() {
    while (true) {
      boolean nl = false;
      boolean space = false;
      while (pos < src.length()) {
        char c = src.charAt(pos);
        if (c == '\n') {
          nl = true;
          pos++;
          row++;
          lineStart = pos;
        } else if (c == ' ' || c == '\t' || c == '\r') {
          pos++;
        } else if (c == '#') {
          while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
          }
        } else {
          break;
        }
        space = true;
      }
      if (pos >= src.length()) {
        out.add(new Token(Kind.EOF, "", pos, pos, row, pos - lineStart + 1, nl, space));
        return;
      }
      scan(nl, space || out.isEmpty());
    }
  }

  private void scan(boolean nl, boolean space) {
    int start = pos;
    int col = pos - lineStart + 1;
    char c = src.charAt(pos);
    Kind kind;
    String text;
    if (Character.isLetter(c) || c == '_') {
      while (pos < src.length() && isIdentPart(src.charAt(pos))) {
        pos++;
      }
      kind = Kind.IDENT;
      text = src.substring(start, pos);
    } else if (c >= '0' && c <= '9') {
      text = number();
      kind = Kind.NUMBER;
    } else if (c == '"') {
      text = string(col);
      kind = Kind.STRING;
    } else if (c == '`') {
      text = rawString(col);
      kind = Kind.STRING;
    } else {
      kind = punct(c, col);
      text = src.substring(start, pos);
    }
    out.add(new Token(kind, text, start, pos, row, col, nl, space));
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private String number() {
    int start = pos;
    digits();
    if (pos + 1 < src.length()
        && src.charAt(pos) == '.'
        && Character.isDigit(src.charAt(pos + 1))) {
      pos++;
      digits();
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        digits();
      } else {
        pos = save;
      }
    }
    return src.substring(start, pos);
  }

  private void digits() {
    while (pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
      pos++;
    }
  }

  private String string(int col) {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw error(col, "non-terminated string");
      }
      char c = src.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= src.length()) {
        throw error(col, "non-terminated string");
      }
      char e = src.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> sb.append(unicode(col));
        default -> throw error(col, "illegal escape sequence \\" + e);
      }
    }
  }

  private char unicode(int col) {
    if (pos + 4 > src.length()) {
      throw error(col, "illegal unicode escape");
    }
    try {
      char ch = (char) Integer.parseInt(src.substring(pos, pos + 4), 16);
      pos += 4;
      return ch;
    } catch (NumberFormatException e) {
      throw error(col, "illegal unicode escape");
    }
  }

  private String rawString(int col) {
    int end = src.indexOf('`', pos + 1);
    if (end < 0) {
      throw error(col, "non-terminated raw string");
    }
    String text = src.substring(pos + 1, end);
    for (int i = pos; i < end; i++) {
      if (src.charAt(i) == '\n') {
        row++;
        lineStart = i + 1;
      }
    }
    pos = end + 1;
    return text;
  }

  private Kind punct(char c, int col) {
    char n = pos + 1 < src.length() ? src.charAt(pos + 1) : '\0';
    pos++;
    Kind single =
        switch (c) {
          case '{' -> Kind.LBRACE;
          case '}' -> Kind.RBRACE;
          case '[' -> Kind.LBRACK;
          case ']' -> Kind.RBRACK;
          case '(' -> Kind.LPAREN;
          case ')' -> Kind.RPAREN;
          case '.' -> Kind.DOT;
          case ',' -> Kind.COMMA;
          case ';' -> Kind.SEMI;
          case '+' -> Kind.PLUS;
          case '-' -> Kind.MINUS;
          case '*' -> Kind.STAR;
          case '/' -> Kind.SLASH;
          case '%' -> Kind.PERCENT;
          case '|' -> Kind.BAR;
          case '&' -> Kind.AMP;
          default -> null;
        };
    if (single != null) {
      return single;
    }
    if (n == '=' && "=:!<>".indexOf(c) >= 0) {
      pos++;
      return switch (c) {
        case '=' -> Kind.EQ;
        case ':' -> Kind.ASSIGN;
        case '!' -> Kind.NEQ;
        case '<' -> Kind.LTE;
        default -> Kind.GTE;
      };
    }
    return switch (c) {
      case ':' -> Kind.COLON;
      case '=' -> Kind.UNIFY;
      case '<' -> Kind.LT;
      case '>' -> Kind.GT;
      default -> throw error(col, "illegal token");
    };
  }

  private RegoException error(int col, String message) {
    return new RegoException(RegoException.PARSE, new Location(file, row, col), message);
  }
}
