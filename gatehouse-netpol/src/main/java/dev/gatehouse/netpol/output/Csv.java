package dev.gatehouse.netpol.output;

/** CSV field quoting as Go's encoding/csv does it: only when needed (RFC 4180). */
final class Csv {
  private Csv() {}

  static String field(String s) {
    boolean quote =
        s.isEmpty()
            ? false
            : s.indexOf(',') >= 0
                || s.indexOf('"') >= 0
                || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0
                || s.charAt(0) == ' '
                || s.charAt(0) == '\t';
    return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
