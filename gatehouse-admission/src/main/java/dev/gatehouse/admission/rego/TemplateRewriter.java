package dev.gatehouse.admission.rego;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the packages and {@code data} references of a template's Rego as Gatekeeper does before
 * compiling it, and rejects what Gatekeeper rejects.
 *
 * <p>Design note (open-policy-agent/frameworks {@code constraint/pkg/client/drivers/rego} {@code
 * compilers.go}, {@code rego.go} and {@code constraint/pkg/regorewriter}):
 *
 * <ul>
 *   <li>the template module's package becomes {@code template}, so its rules live at {@code
 *       data.template} (the hook queries {@code data.template.violation});
 *   <li>each lib's package must be below {@code lib} (not {@code lib} itself) and is moved under
 *       {@code libs}: {@code package lib.exempt_container} becomes {@code package
 *       libs.lib.exempt_container}, and every {@code data.lib...} reference and import becomes
 *       {@code data.libs.lib...};
 *   <li>the only other {@code data} reference allowed is {@code data.inventory} (Gatekeeper's
 *       externs); anything else ({@code data.other.rule}, {@code data[x]}, bare {@code data}) is
 *       "disallowed ref";
 *   <li>imports must name {@code data.lib...} ("bad import" otherwise, {@code input} included);
 *       {@code future.keywords} and {@code rego.v1} are also accepted.
 * </ul>
 *
 * <p>Every template is compiled into its own policy (Gatekeeper: one compiler per template), so
 * templates cannot see each other's rules or libs even when they share package names.
 *
 * <p>The rewrite works on the source text: a small scanner skips comments and string literals and
 * finds the ref roots ({@code data} not preceded by {@code .}), so line numbers are unchanged and
 * the compiler's errors still point at the user's lines.
 */
final class TemplateRewriter {
  /** The package the template module is moved to. */
  static final String TEMPLATE_PACKAGE = "template";

  /** The package prefix libs are moved under. */
  static final String LIB_PREFIX = "libs";

  /** One rejected construct, on a 1-based line of the module. */
  record Problem(int line, String message) {}

  /** The rewritten source and what was rejected (empty when the module is acceptable). */
  record Rewritten(String source, List<Problem> problems) {}

  private final String src;
  private final StringBuilder out;
  private final List<Problem> problems = new ArrayList<>();
  private int pos;
  private int line = 1;

  private TemplateRewriter(String src) {
    this.src = src;
    this.out = new StringBuilder(src.length() + 64);
  }

  /**
   * Rewrites the template module; {@code regoV1} adds {@code import rego.v1} on the package line
   * (for {@code source.version: v1}).
   */
  static Rewritten entryPoint(String source, boolean regoV1) {
    TemplateRewriter r = new TemplateRewriter(source);
    if (r.packageClause()) {
      r.advanceTo(RefScanner.scan(source, r.pos).end());
      r.out.append(TEMPLATE_PACKAGE);
      r.appendV1(regoV1);
    }
    r.body();
    return new Rewritten(r.out.toString(), List.copyOf(r.problems));
  }

  /** Rewrites one of the template's libs. */
  static Rewritten library(String source, boolean regoV1) {
    TemplateRewriter r = new TemplateRewriter(source);
    if (r.packageClause()) {
      RefScanner.Ref path = RefScanner.scan(source, r.pos);
      List<String> s = path.segments();
      if (s.size() < 2 || !s.getFirst().equals("lib")) {
        r.problem("path data." + path.text() + " not found in lib prefixes");
      }
      r.out.append(LIB_PREFIX).append('.').append(path.text());
      r.advanceTo(path.end());
      r.appendV1(regoV1);
    }
    r.body();
    return new Rewritten(r.out.toString(), List.copyOf(r.problems));
  }

  private void appendV1(boolean regoV1) {
    if (regoV1) {
      out.append(" import rego.v1");
    }
  }

  /**
   * Copies everything up to the package path; returns false (leaving the text for the compiler to
   * reject) when the module does not start with {@code package}.
   */
  private boolean packageClause() {
    copyTrivia();
    if (!src.startsWith("package", pos) || !RefScanner.boundary(src, pos + "package".length())) {
      return false;
    }
    copy("package".length());
    copyTrivia();
    return pos < src.length() && RefScanner.isIdentStart(src.charAt(pos));
  }

  private void body() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '#' || c == '"' || c == '`' || Character.isWhitespace(c)) {
        copyTrivia();
        copyLiteral();
      } else if (RefScanner.isIdentStart(c)) {
        identifier();
      } else if (Character.isDigit(c)) {
        int end = pos;
        while (end < src.length() && RefScanner.isIdentPart(src.charAt(end))) {
          end++;
        }
        copy(end - pos);
      } else {
        copy(1);
      }
    }
  }

  private void identifier() {
    int end = pos;
    while (end < src.length() && RefScanner.isIdentPart(src.charAt(end))) {
      end++;
    }
    String word = src.substring(pos, end);
    boolean root = pos == 0 || src.charAt(pos - 1) != '.';
    if (root && word.equals("import")) {
      copy(end - pos);
      copyTrivia();
      importPath();
    } else if (root && word.equals("data")) {
      dataRef(false);
    } else {
      copy(end - pos);
    }
  }

  private void importPath() {
    RefScanner.Ref ref = RefScanner.scan(src, pos);
    List<String> s = ref.segments();
    String head = s.isEmpty() ? "" : s.getFirst();
    boolean keywords = head.equals("future") && s.size() >= 2 && s.get(1).equals("keywords");
    boolean v1 = head.equals("rego") && s.size() == 2 && s.get(1).equals("v1");
    if (head.equals("data")) {
      dataRef(true);
      return;
    }
    if (!keywords && !v1) {
      problem("bad import " + ref.text());
    }
    emitTo(ref.end());
  }

  /** A ref rooted at {@code data}: {@code data.lib...} is moved, {@code data.inventory} kept. */
  private void dataRef(boolean isImport) {
    RefScanner.Ref ref = RefScanner.scan(src, pos);
    List<String> s = ref.segments();
    String first = s.size() > 1 ? s.get(1) : "";
    if (first.equals("lib")) {
      out.append("data.").append(LIB_PREFIX);
      advanceTo(pos + "data".length());
    } else if (isImport || !first.equals("inventory")) {
      problem((isImport ? "bad import " : "disallowed ref ") + ref.text());
    }
    emitTo(ref.end());
  }

  /** Copies whitespace and comments, counting lines. */
  private void copyTrivia() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '#') {
        int end = src.indexOf('\n', pos);
        copy((end < 0 ? src.length() : end) - pos);
      } else if (Character.isWhitespace(c)) {
        copy(1);
      } else {
        return;
      }
    }
  }

  /** Copies a string literal (quoted with escapes, or raw), if one starts here. */
  private void copyLiteral() {
    if (pos >= src.length()) {
      return;
    }
    char c = src.charAt(pos);
    if (c == '"' || c == '`') {
      copy(RefScanner.literalEnd(src, pos) - pos);
    }
  }

  /** Copies the source up to {@code end}. */
  private void emitTo(int end) {
    copy(end - pos);
  }

  /** Skips the source up to {@code end} without copying it (counting lines). */
  private void advanceTo(int end) {
    for (; pos < end; pos++) {
      if (src.charAt(pos) == '\n') {
        line++;
      }
    }
  }

  private void copy(int n) {
    for (int i = 0; i < n; i++) {
      char c = src.charAt(pos++);
      if (c == '\n') {
        line++;
      }
      out.append(c);
    }
  }

  private void problem(String message) {
    problems.add(new Problem(line, message));
  }
}
