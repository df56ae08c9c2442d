package dev.gatehouse.rego.internal.parse;

/**
 * A token of Rego source.
 *
 * @param kind the token kind
 * @param text the source text (for strings: the decoded value)
 * @param start offset of the first character
 * @param end offset after the last character
 * @param row 1-based line
 * @param col 1-based column
 * @param newlineBefore whether a line break separates this token from the previous one
 * @param spaceBefore whether any whitespace or comment separates it from the previous one
 */
record Token(
    Kind kind,
    String text,
    int start,
    int end,
    int row,
    int col,
    boolean newlineBefore,
    boolean spaceBefore) {

  enum Kind {
    IDENT,
    NUMBER,
    STRING,
    LBRACE,
    RBRACE,
    LBRACK,
    RBRACK,
    LPAREN,
    RPAREN,
    DOT,
    COMMA,
    SEMI,
    COLON,
    ASSIGN,
    UNIFY,
    EQ,
    NEQ,
    LT,
    LTE,
    GT,
    GTE,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    PERCENT,
    BAR,
    AMP,
    EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isIdent(String word) {
    return kind == Kind.IDENT && text.equals(word);
  }
}
