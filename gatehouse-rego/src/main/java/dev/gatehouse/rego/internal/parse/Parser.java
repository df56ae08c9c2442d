package dev.gatehouse.rego.internal.parse;

import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.Location;
import dev.gatehouse.rego.NullValue;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.RegoException;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.internal.ast.Expr;
import dev.gatehouse.rego.internal.ast.Module;
import dev.gatehouse.rego.internal.ast.Rule;
import dev.gatehouse.rego.internal.ast.Term;
import dev.gatehouse.rego.internal.parse.Token.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Recursive-descent parser for Rego modules and queries.
 *
 * <p>Design note: the grammar follows OPA's v1/ast/parser.go. Rego v0 is the base syntax; the
 * keywords {@code in}, {@code every}, {@code if} and {@code contains} are recognised only after
 * {@code import future.keywords[.kw]} or {@code import rego.v1} (queries enable them all). Operator
 * precedence, lowest first: {@code = :=} (literal level), {@code in}, comparisons, {@code |},
 * {@code &}, {@code + -}, {@code * / %}. Infix operators and ref suffixes never continue across a
 * line break, because a line break separates literals; a {@code [} suffix must touch the term
 * before it. Wildcards {@code _} become unique variables named {@code $n}.
 */
public final class Parser {
  private static final Set<String> ALL_KEYWORDS = Set.of("in", "every", "if", "contains");
  private static final Map<Kind, String> RELATIONS =
      Map.of(
          Kind.EQ, "equal", Kind.NEQ, "neq", Kind.LT, "lt", Kind.LTE, "lte", Kind.GT, "gt",
          Kind.GTE, "gte");

  private final List<Token> tokens;
  private final String file;
  private final String src;
  private final Set<String> keywords = new HashSet<>();
  private boolean regoV1;
  private int pos;
  private boolean noBar;
  private int wildcards;

  private Parser(String src, String file) {
    this.src = src;
    this.file = file;
    this.tokens = Lexer.tokenize(src, file);
  }

  /**
   * Parses a module.
   *
   * @throws RegoException with code {@code rego_parse_error}
   */
  public static Module parseModule(String file, String src) {
    return new Parser(src, file).module();
  }

  /**
   * Parses a query (literals separated by {@code ;} or new lines), with all v1 keywords enabled.
   *
   * @throws RegoException with code {@code rego_parse_error}
   */
  public static ParsedQuery parseQuery(String file, String src) {
    Parser p = new Parser(src, file);
    p.keywords.addAll(ALL_KEYWORDS);
    return p.query();
  }

  /** A parsed query: its literals and the source text of each. */
  public record ParsedQuery(List<Expr> body, List<String> texts) {}

  // ---- module level ----

  private Module module() {
    Token pkg = peek();
    if (!pkg.isIdent("package")) {
      throw error(pkg, "unexpected " + describe(pkg) + ": expected package");
    }
    next();
    List<String> path = dottedPath();
    List<Module.Import> imports = new ArrayList<>();
    while (peek().isIdent("import")) {
      Module.Import imp = importDecl();
      if (imp != null) {
        imports.add(imp);
      }
    }
    List<Rule> rules = new ArrayList<>();
    while (!peek().is(Kind.EOF)) {
      if (peek().isIdent("import") || peek().isIdent("package")) {
        throw error(peek(), "unexpected " + peek().text() + " keyword: must come before rules");
      }
      rules.addAll(rule());
    }
    return new Module(file, path, loc(pkg), imports, rules);
  }

  private List<String> dottedPath() {
    List<String> path = new ArrayList<>();
    path.add(expectIdent().text());
    while (true) {
      if (peek().is(Kind.DOT) && !peek().newlineBefore()) {
        next();
        path.add(expectIdent().text());
      } else if (peek().is(Kind.LBRACK) && !peek().spaceBefore()) {
        next();
        Token s = expect(Kind.STRING);
        path.add(s.text());
        expect(Kind.RBRACK);
      } else {
        return path;
      }
    }
  }

  private Module.@Nullable Import importDecl() {
    Token kw = next();
    List<String> path = dottedPath();
    String alias = path.getLast();
    if (peek().isIdent("as") && !peek().newlineBefore()) {
      next();
      alias = expectIdent().text();
    }
    String head = path.getFirst();
    if (head.equals("future") && path.size() >= 2 && path.get(1).equals("keywords")) {
      if (path.size() == 2) {
        keywords.addAll(ALL_KEYWORDS);
      } else if (path.size() == 3 && ALL_KEYWORDS.contains(path.get(2))) {
        keywords.add(path.get(2));
      } else {
        throw error(kw, "unexpected future keyword import " + String.join(".", path));
      }
      return null;
    }
    if (head.equals("rego") && path.size() == 2 && path.get(1).equals("v1")) {
      keywords.addAll(ALL_KEYWORDS);
      regoV1 = true;
      return null;
    }
    if (!head.equals("data") && !head.equals("input")) {
      throw error(
          kw, "unexpected import path, must begin with one of: {data, input}, got: " + head);
    }
    return new Module.Import(path, alias, loc(kw));
  }

  // ---- rules ----

  private List<Rule> rule() {
    Token start = peek();
    boolean isDefault = false;
    if (start.isIdent("default")) {
      next();
      isDefault = true;
    }
    Token nameTok = expectIdent();
    if (Keywords.isReserved(nameTok.text(), keywords)) {
      throw error(nameTok, "unexpected " + nameTok.text() + " keyword");
    }
    if (peek().is(Kind.DOT) && !peek().newlineBefore()) {
      throw error(peek(), "rule heads with dotted references are not supported");
    }
    List<Term> args = List.of();
    Term key = null;
    boolean function = false;
    if (peek().is(Kind.LPAREN) && !peek().spaceBefore()) {
      function = true;
      args = argList();
    } else if (peek().is(Kind.LBRACK) && !peek().spaceBefore()) {
      next();
      key = nested(this::termIn);
      expect(Kind.RBRACK);
    }
    boolean contains = false;
    if (keywords.contains("contains") && peek().isIdent("contains")) {
      next();
      key = termIn();
      contains = true;
    }
    Term value = null;
    if (peek().is(Kind.UNIFY) || peek().is(Kind.ASSIGN)) {
      next();
      value = termIn();
    }
    Rule.Kind kind = kindOf(function, key, value, contains);
    Location loc = loc(start);
    if (isDefault) {
      if (value == null || key != null) {
        throw error(start, "default rules must have a value: default <name> := <term>");
      }
      return List.of(
          new Rule(loc, nameTok.text(), kind, args, null, value, trueBody(loc), true, null));
    }
    Term val = value != null ? value : new Term.Scalar(BooleanValue.TRUE, loc);
    List<List<Expr>> bodies = bodies();
    List<Rule> out = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      Rule elseRule = i == bodies.size() - 1 ? elseChain(nameTok.text(), kind, args, key) : null;
      out.add(new Rule(loc, nameTok.text(), kind, args, key, val, bodies.get(i), false, elseRule));
    }
    return out;
  }

  private Rule.Kind kindOf(boolean function, @Nullable Term key, @Nullable Term value, boolean c) {
    if (function) {
      return Rule.Kind.FUNCTION;
    }
    if (key == null) {
      return Rule.Kind.COMPLETE;
    }
    if (value != null || (regoV1 && !c)) {
      return Rule.Kind.PARTIAL_OBJECT;
    }
    return Rule.Kind.PARTIAL_SET;
  }

  private List<Term> argList() {
    expect(Kind.LPAREN);
    List<Term> args = new ArrayList<>();
    if (!peek().is(Kind.RPAREN)) {
      do {
        if (peek().is(Kind.RPAREN)) {
          break;
        }
        args.add(nested(this::termIn));
      } while (accept(Kind.COMMA));
    }
    expect(Kind.RPAREN);
    return args;
  }

  private List<List<Expr>> bodies() {
    List<List<Expr>> out = new ArrayList<>();
    if (keywords.contains("if") && peek().isIdent("if")) {
      next();
      out.add(peek().is(Kind.LBRACE) ? braceBody() : List.of(literal()));
    } else if (peek().is(Kind.LBRACE)) {
      out.add(braceBody());
    } else {
      out.add(trueBody(loc(peek())));
      return out;
    }
    while (peek().is(Kind.LBRACE) && !regoV1) {
      out.add(braceBody());
    }
    return out;
  }

  private @Nullable Rule elseChain(
      String name, Rule.Kind kind, List<Term> args, @Nullable Term key) {
    if (!peek().isIdent("else")) {
      return null;
    }
    Token kw = next();
    if (kind == Rule.Kind.PARTIAL_SET || kind == Rule.Kind.PARTIAL_OBJECT) {
      throw error(kw, "else keyword cannot be used on multi-value rules");
    }
    Term value = new Term.Scalar(BooleanValue.TRUE, loc(kw));
    if (peek().is(Kind.UNIFY) || peek().is(Kind.ASSIGN)) {
      next();
      value = termIn();
    }
    List<Expr> body;
    if (keywords.contains("if") && peek().isIdent("if")) {
      next();
      body = peek().is(Kind.LBRACE) ? braceBody() : List.of(literal());
    } else if (peek().is(Kind.LBRACE)) {
      body = braceBody();
    } else {
      body = trueBody(loc(kw));
    }
    Rule next = elseChain(name, kind, args, key);
    return new Rule(loc(kw), name, kind, args, key, value, body, false, next);
  }

  private static List<Expr> trueBody(Location loc) {
    return List.of(new Expr.TermExpr(new Term.Scalar(BooleanValue.TRUE, loc), loc));
  }

  private List<Expr> braceBody() {
    Token open = expect(Kind.LBRACE);
    boolean saved = noBar;
    noBar = false;
    List<Expr> body = literals(Kind.RBRACE);
    noBar = saved;
    expect(Kind.RBRACE);
    if (body.isEmpty()) {
      throw error(open, "found empty body");
    }
    return body;
  }

  // ---- queries and literals ----

  private ParsedQuery query() {
    List<Expr> body = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    while (true) {
      while (accept(Kind.SEMI)) {
        // skip empty statements
      }
      if (peek().is(Kind.EOF)) {
        break;
      }
      int start = peek().start();
      body.add(literal());
      texts.add(src.substring(start, tokens.get(pos - 1).end()));
      separator(Kind.EOF);
    }
    if (body.isEmpty()) {
      throw error(peek(), "empty query");
    }
    return new ParsedQuery(body, texts);
  }

  private List<Expr> literals(Kind end) {
    List<Expr> out = new ArrayList<>();
    while (true) {
      while (accept(Kind.SEMI)) {
        // skip empty statements
      }
      if (peek().is(end) || peek().is(Kind.EOF)) {
        return out;
      }
      out.add(literal());
      separator(end);
    }
  }

  private void separator(Kind end) {
    Token t = peek();
    if (!t.is(Kind.SEMI) && !t.is(end) && !t.newlineBefore() && !t.is(Kind.EOF)) {
      throw error(t, "unexpected " + describe(t) + ": expected \\n or ;");
    }
  }

  private Expr literal() {
    Token start = peek();
    Expr e;
    if (start.isIdent("some")) {
      e = some();
    } else if (start.isIdent("every") && keywords.contains("every")) {
      e = every();
    } else if (start.isIdent("not")) {
      next();
      e = new Expr.Not(expr(), loc(start));
    } else {
      e = expr();
    }
    List<Expr.Modifier> mods = new ArrayList<>();
    while (peek().isIdent("with")) {
      Token w = next();
      Term target = termIn();
      if (!peek().isIdent("as")) {
        throw error(peek(), "unexpected " + describe(peek()) + ": expected as");
      }
      next();
      mods.add(new Expr.Modifier(target, termIn(), loc(w)));
    }
    return mods.isEmpty() ? e : new Expr.With(e, mods, loc(start));
  }

  private Expr expr() {
    Token start = peek();
    Term left = termIn();
    Token op = peek();
    if ((op.is(Kind.UNIFY) || op.is(Kind.ASSIGN)) && !op.newlineBefore()) {
      next();
      Term right = termIn();
      return new Expr.Unify(left, right, op.is(Kind.ASSIGN), loc(start));
    }
    return new Expr.TermExpr(left, loc(start));
  }

  private Expr some() {
    Token kw = next();
    List<Term> terms = new ArrayList<>();
    do {
      terms.add(termRelation());
    } while (accept(Kind.COMMA));
    if (keywords.contains("in") && peek().isIdent("in")) {
      next();
      if (terms.size() > 2) {
        throw error(kw, "unexpected , token: expected at most two terms before in");
      }
      Term coll = termRelation();
      Term key = terms.size() == 2 ? terms.get(0) : null;
      return new Expr.SomeIn(key, terms.getLast(), coll, loc(kw));
    }
    List<String> names = new ArrayList<>();
    for (Term t : terms) {
      if (!(t instanceof Term.Var v)) {
        throw error(kw, "unexpected term in some declaration: expected variables");
      }
      names.add(v.name());
    }
    return new Expr.SomeDecl(names, loc(kw));
  }

  private Expr every() {
    Token kw = next();
    Term first = termRelation();
    Term key = null;
    Term value = first;
    if (accept(Kind.COMMA)) {
      key = first;
      value = termRelation();
    }
    if (!peek().isIdent("in")) {
      throw error(peek(), "unexpected " + describe(peek()) + ": expected in");
    }
    next();
    Term domain = termRelation();
    return new Expr.Every(key, value, domain, braceBody(), loc(kw));
  }

  // ---- terms by precedence ----

  Term termIn() {
    Term left = termRelation();
    while (keywords.contains("in") && peek().isIdent("in") && !peek().newlineBefore()) {
      Token op = next();
      Term right = termRelation();
      left = new Term.Call("internal.member_2", List.of(left, right), loc(op));
    }
    return left;
  }

  private Term termRelation() {
    Term left = termOr();
    while (RELATIONS.containsKey(peek().kind()) && !peek().newlineBefore()) {
      Token op = next();
      left =
          new Term.Call(
              RELATIONS.getOrDefault(op.kind(), "equal"), List.of(left, termOr()), left.loc());
    }
    return left;
  }

  private Term termOr() {
    Term left = termAnd();
    while (peek().is(Kind.BAR) && !noBar && !peek().newlineBefore()) {
      next();
      left = new Term.Call("or", List.of(left, termAnd()), left.loc());
    }
    return left;
  }

  private Term termAnd() {
    Term left = termArith();
    while (peek().is(Kind.AMP) && !peek().newlineBefore()) {
      next();
      left = new Term.Call("and", List.of(left, termArith()), left.loc());
    }
    return left;
  }

  private Term termArith() {
    Term left = termFactor();
    while ((peek().is(Kind.PLUS) || peek().is(Kind.MINUS)) && !peek().newlineBefore()) {
      String op = next().is(Kind.PLUS) ? "plus" : "minus";
      left = new Term.Call(op, List.of(left, termFactor()), left.loc());
    }
    return left;
  }

  private Term termFactor() {
    Term left = TermParser.primary(this);
    while ((peek().is(Kind.STAR) || peek().is(Kind.SLASH) || peek().is(Kind.PERCENT))
        && !peek().newlineBefore()) {
      Kind k = next().kind();
      String op = k == Kind.STAR ? "mul" : k == Kind.SLASH ? "div" : "rem";
      left = new Term.Call(op, List.of(left, TermParser.primary(this)), left.loc());
    }
    return left;
  }

  // ---- helpers shared with TermParser ----

  interface TermSupplier {
    Term get();
  }

  Term nested(TermSupplier s) {
    boolean saved = noBar;
    noBar = false;
    try {
      return s.get();
    } finally {
      noBar = saved;
    }
  }

  Term noBar(TermSupplier s) {
    boolean saved = noBar;
    noBar = true;
    try {
      return s.get();
    } finally {
      noBar = saved;
    }
  }

  List<Expr> comprehensionBody(Kind end) {
    boolean saved = noBar;
    noBar = false;
    List<Expr> body = literals(end);
    noBar = saved;
    if (body.isEmpty()) {
      throw error(peek(), "found empty body");
    }
    return body;
  }

  Term.Var wildcardOr(Token t) {
    return t.text().equals("_")
        ? new Term.Var("$" + wildcards++, loc(t))
        : new Term.Var(t.text(), loc(t));
  }

  boolean keyword(String word) {
    return keywords.contains(word);
  }

  static Term.Scalar scalar(Token t, Location loc) {
    return switch (t.kind()) {
      case NUMBER -> new Term.Scalar(number(t.text(), loc), loc);
      case STRING -> new Term.Scalar(new StringValue(t.text()), loc);
      default ->
          switch (t.text()) {
            case "true" -> new Term.Scalar(BooleanValue.TRUE, loc);
            case "false" -> new Term.Scalar(BooleanValue.FALSE, loc);
            default -> new Term.Scalar(NullValue.INSTANCE, loc);
          };
    };
  }

  static NumberValue number(String text, Location loc) {
    try {
      return NumberValue.parse(text);
    } catch (NumberFormatException e) {
      throw new RegoException(RegoException.PARSE, loc, "invalid number: " + text);
    }
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token peekAt(int offset) {
    return tokens.get(Math.min(pos + offset, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(pos);
    if (!t.is(Kind.EOF)) {
      pos++;
    }
    return t;
  }

  boolean accept(Kind k) {
    if (peek().is(k)) {
      next();
      return true;
    }
    return false;
  }

  Token expect(Kind k) {
    Token t = peek();
    if (!t.is(k)) {
      throw error(t, "unexpected " + describe(t) + ": expected " + Keywords.symbol(k));
    }
    return next();
  }

  private Token expectIdent() {
    Token t = peek();
    if (!t.is(Kind.IDENT)) {
      throw error(t, "unexpected " + describe(t) + ": expected identifier");
    }
    return next();
  }

  Location loc(Token t) {
    return new Location(file, t.row(), t.col());
  }

  static String describe(Token t) {
    return switch (t.kind()) {
      case EOF -> "eof token";
      case STRING -> "string token";
      case NUMBER -> "number token";
      case IDENT -> Keywords.isKeywordText(t.text()) ? t.text() + " keyword" : "ident token";
      default -> t.text() + " token";
    };
  }

  RegoException error(Token t, String message) {
    return new RegoException(RegoException.PARSE, loc(t), message);
  }
}
