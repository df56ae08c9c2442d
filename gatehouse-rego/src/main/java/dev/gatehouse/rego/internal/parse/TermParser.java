package dev.gatehouse.rego.internal.parse;

import dev.gatehouse.rego.Location;
import dev.gatehouse.rego.NumberValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.internal.ast.Expr;
import dev.gatehouse.rego.internal.ast.Term;
import dev.gatehouse.rego.internal.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Primary terms: scalars, variables, references, calls, composites and comprehensions. A
 * comprehension is recognised by the {@code |} after its head, which is why heads are parsed with
 * set union disabled (as OPA does).
 */
final class TermParser {
  private TermParser() {}

  static Term primary(Parser p) {
    Token t = p.peek();
    Location loc = p.loc(t);
    Term base =
        switch (t.kind()) {
          case NUMBER, STRING -> Parser.scalar(p.next(), loc);
          case MINUS -> negative(p, loc);
          case LBRACK -> array(p, loc);
          case LBRACE -> braces(p, loc);
          case LPAREN -> parens(p);
          case IDENT -> ident(p, loc);
          default -> throw p.error(t, "unexpected " + Parser.describe(t));
        };
    return suffixes(p, base);
  }

  private static Term negative(Parser p, Location loc) {
    p.next();
    Token n = p.peek();
    if (n.is(Kind.NUMBER) && !n.spaceBefore()) {
      p.next();
      return new Term.Scalar(Parser.number("-" + n.text(), loc), loc);
    }
    Term operand = primary(p);
    return new Term.Call("minus", List.of(new Term.Scalar(NumberValue.of(0), loc), operand), loc);
  }

  private static Term parens(Parser p) {
    p.next();
    Term inner = p.nested(p::termIn);
    p.expect(Kind.RPAREN);
    return inner;
  }

  private static Term ident(Parser p, Location loc) {
    Token t = p.next();
    String w = t.text();
    switch (w) {
      case "true", "false", "null" -> {
        return Parser.scalar(t, loc);
      }
      case "set" -> {
        if (p.peek().is(Kind.LPAREN) && p.peekAt(1).is(Kind.RPAREN)) {
          p.next();
          p.next();
          return new Term.SetLit(List.of(), loc);
        }
      }
      default -> {}
    }
    if (Keywords.isTermReserved(w) || (p.keyword(w) && !w.equals("if") && !w.equals("contains"))) {
      throw p.error(t, "unexpected " + w + " keyword");
    }
    Term.Var v = p.wildcardOr(t);
    if (p.peek().is(Kind.LPAREN) && !p.peek().spaceBefore()) {
      return call(p, w, loc);
    }
    return v;
  }

  private static Term call(Parser p, String name, Location loc) {
    p.expect(Kind.LPAREN);
    List<Term> args = new ArrayList<>();
    if (!p.peek().is(Kind.RPAREN)) {
      do {
        if (p.peek().is(Kind.RPAREN)) {
          break;
        }
        args.add(p.nested(p::termIn));
      } while (p.accept(Kind.COMMA));
    }
    p.expect(Kind.RPAREN);
    return new Term.Call(name, args, loc);
  }

  private static Term suffixes(Parser p, Term base) {
    List<Term> path = new ArrayList<>();
    Term head = base;
    while (true) {
      Token t = p.peek();
      if (t.is(Kind.DOT) && !t.newlineBefore()) {
        p.next();
        Token name = p.peek();
        if (!name.is(Kind.IDENT)) {
          throw p.error(name, "unexpected " + Parser.describe(name) + ": expected identifier");
        }
        p.next();
        path.add(new Term.Scalar(new StringValue(name.text()), p.loc(name)));
      } else if (t.is(Kind.LBRACK) && !t.spaceBefore()) {
        p.next();
        path.add(p.nested(p::termIn));
        p.expect(Kind.RBRACK);
      } else if (t.is(Kind.LPAREN) && !t.spaceBefore() && !path.isEmpty() && dotted(head, path)) {
        String name = dottedName(head, path);
        head = call(p, name, base.loc());
        path = new ArrayList<>();
      } else {
        break;
      }
    }
    return path.isEmpty() ? head : new Term.Ref(head, path, base.loc());
  }

  private static boolean dotted(Term head, List<Term> path) {
    if (!(head instanceof Term.Var v) || v.isWildcard()) {
      return false;
    }
    for (Term t : path) {
      if (!(t instanceof Term.Scalar s) || !(s.value() instanceof StringValue)) {
        return false;
      }
    }
    return true;
  }

  private static String dottedName(Term head, List<Term> path) {
    StringBuilder sb = new StringBuilder(((Term.Var) head).name());
    for (Term t : path) {
      sb.append('.').append(((StringValue) ((Term.Scalar) t).value()).value());
    }
    return sb.toString();
  }

  private static Term array(Parser p, Location loc) {
    p.next();
    if (p.accept(Kind.RBRACK)) {
      return new Term.ArrayLit(List.of(), loc);
    }
    Term first = p.noBar(p::termIn);
    if (p.peek().is(Kind.BAR)) {
      p.next();
      List<Expr> body = p.comprehensionBody(Kind.RBRACK);
      p.expect(Kind.RBRACK);
      return new Term.ArrayCompr(first, body, loc);
    }
    List<Term> items = new ArrayList<>(List.of(first));
    items.addAll(rest(p, Kind.RBRACK));
    return new Term.ArrayLit(items, loc);
  }

  private static List<Term> rest(Parser p, Kind end) {
    List<Term> items = new ArrayList<>();
    while (p.accept(Kind.COMMA)) {
      if (p.peek().is(end)) {
        break;
      }
      items.add(p.nested(p::termIn));
    }
    p.expect(end);
    return items;
  }

  private static Term braces(Parser p, Location loc) {
    p.next();
    if (p.accept(Kind.RBRACE)) {
      return new Term.ObjectLit(List.of(), List.of(), loc);
    }
    Term first = p.noBar(p::termIn);
    if (p.accept(Kind.COLON)) {
      Term value = p.noBar(p::termIn);
      if (p.peek().is(Kind.BAR)) {
        p.next();
        List<Expr> body = p.comprehensionBody(Kind.RBRACE);
        p.expect(Kind.RBRACE);
        return new Term.ObjectCompr(first, value, body, loc);
      }
      return object(p, first, value, loc);
    }
    if (p.peek().is(Kind.BAR)) {
      p.next();
      List<Expr> body = p.comprehensionBody(Kind.RBRACE);
      p.expect(Kind.RBRACE);
      return new Term.SetCompr(first, body, loc);
    }
    List<Term> items = new ArrayList<>(List.of(first));
    items.addAll(rest(p, Kind.RBRACE));
    return new Term.SetLit(items, loc);
  }

  private static Term object(Parser p, Term firstKey, Term firstValue, Location loc) {
    List<Term> keys = new ArrayList<>(List.of(firstKey));
    List<Term> values = new ArrayList<>(List.of(firstValue));
    while (p.accept(Kind.COMMA)) {
      if (p.peek().is(Kind.RBRACE)) {
        break;
      }
      keys.add(p.nested(p::termIn));
      p.expect(Kind.COLON);
      values.add(p.nested(p::termIn));
    }
    p.expect(Kind.RBRACE);
    return new Term.ObjectLit(keys, values, loc);
  }
}
