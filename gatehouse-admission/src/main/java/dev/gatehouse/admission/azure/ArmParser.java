package dev.gatehouse.admission.azure;

import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser for the ARM expression grammar used in policy definitions:
 *
 * <pre>
 * expr    := primary postfix*
 * primary := IDENT '(' [expr (',' expr)*] ')' | STRING | INTEGER
 * postfix := '.' IDENT | '[' expr ']'
 * STRING  := "'" (any character, '' for a quote)* "'"
 * </pre>
 */
final class ArmParser {
  private final String src;
  private int pos;

  ArmParser(String src) {
    this.src = src;
  }

  ArmExpression parseAll() throws ArmExpressionException {
    ArmExpression e = expr();
    skipSpace();
    if (pos < src.length()) {
      throw error("unexpected '" + src.charAt(pos) + "'");
    }
    return e;
  }

  private ArmExpression expr() throws ArmExpressionException {
    ArmExpression e = primary();
    while (true) {
      skipSpace();
      if (eat('.')) {
        e = new ArmExpression.Member(e, identifier());
      } else if (eat('[')) {
        ArmExpression index = expr();
        expect(']');
        e = new ArmExpression.Index(e, index);
      } else {
        return e;
      }
    }
  }

  private ArmExpression primary() throws ArmExpressionException {
    skipSpace();
    if (pos >= src.length()) {
      throw error("expression ends too early");
    }
    char c = src.charAt(pos);
    if (c == '\'') {
      return new ArmExpression.Literal(TextNode.valueOf(string()));
    }
    if (c == '-' || Character.isDigit(c)) {
      return new ArmExpression.Literal(LongNode.valueOf(integer()));
    }
    String name = identifier();
    skipSpace();
    expect('(');
    List<ArmExpression> args = new ArrayList<>();
    skipSpace();
    if (!eat(')')) {
      do {
        args.add(expr());
        skipSpace();
      } while (eat(','));
      expect(')');
    }
    return new ArmExpression.Call(name.toLowerCase(Locale.ROOT), args);
  }

  private String string() throws ArmExpressionException {
    int start = pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c != '\'') {
        sb.append(c);
      } else if (pos < src.length() && src.charAt(pos) == '\'') {
        sb.append('\'');
        pos++;
      } else {
        return sb.toString();
      }
    }
    pos = start;
    throw error("unterminated string");
  }

  private long integer() throws ArmExpressionException {
    int start = pos;
    if (src.charAt(pos) == '-') {
      pos++;
    }
    while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
      pos++;
    }
    try {
      return Long.parseLong(src.substring(start, pos));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("bad integer");
    }
  }

  private String identifier() throws ArmExpressionException {
    skipSpace();
    int start = pos;
    while (pos < src.length()
        && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos || Character.isDigit(src.charAt(start))) {
      pos = start;
      throw error("expected a name");
    }
    return src.substring(start, pos);
  }

  private void expect(char c) throws ArmExpressionException {
    skipSpace();
    if (!eat(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private boolean eat(char c) {
    if (pos < src.length() && src.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private ArmExpressionException error(String what) {
    return new ArmExpressionException(
        "bad expression \"[" + src + "]\": " + what + " at character " + (pos + 1));
  }
}
