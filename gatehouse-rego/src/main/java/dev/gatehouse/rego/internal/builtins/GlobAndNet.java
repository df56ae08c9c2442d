package dev.gatehouse.rego.internal.builtins;

import com.google.re2j.Pattern;
import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.NullValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import java.math.BigInteger;
import java.net.InetAddress;

/**
 * {@code glob.match} (gobwas/glob syntax: {@code * ** ? [..] [!..] {a,b}} with separators, default
 * {@code "."}) and {@code net.cidr_contains} for IPv4 and IPv6.
 */
final class GlobAndNet {
  private GlobAndNet() {}

  static void register(Registry r) {
    r.add("glob.match", 3, (a, c) -> globMatch(a));
    r.add("net.cidr_contains", 2, (a, c) -> cidrContains(a));
  }

  private static Value globMatch(Value[] a) {
    String pattern = Args.string("glob.match", a, 0);
    String seps = ".";
    if (!(a[1] instanceof NullValue)) {
      StringBuilder sb = new StringBuilder();
      for (Value v : Args.array("glob.match", a, 1)) {
        if (!(v instanceof StringValue s)) {
          throw Args.wrong("glob.match", 1, "array of strings", v);
        }
        sb.append(s.value());
      }
      seps = sb.toString();
    }
    String subject = Args.string("glob.match", a, 2);
    String regex = "^" + globToRegex(pattern, seps) + "$";
    return BooleanValue.of(RegexFunctions.compile("glob.match", regex).matcher(subject).find());
  }

  static String globToRegex(String glob, String seps) {
    String notSep = "(?s:.)";
    if (!seps.isEmpty()) {
      StringBuilder cls = new StringBuilder("[^");
      seps.codePoints()
          .forEach(cp -> cls.append("\\x{").append(Integer.toHexString(cp)).append('}'));
      notSep = cls.append(']').toString();
    }
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < glob.length(); i++) {
      char ch = glob.charAt(i);
      switch (ch) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            out.append("(?s:.*)");
            i++;
          } else {
            out.append(notSep).append('*');
          }
        }
        case '?' -> out.append(notSep);
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            throw BuiltinException.failed("glob.match", "unexpected end of input");
          }
          String body = glob.substring(i + 1, end);
          boolean neg = body.startsWith("!");
          out.append('[').append(neg ? "^" : "").append(neg ? body.substring(1) : body).append(']');
          i = end;
        }
        case '{' -> {
          out.append("(?:");
          depth++;
        }
        case '}' -> {
          out.append(depth > 0 ? ")" : "\\}");
          depth = Math.max(0, depth - 1);
        }
        case ',' -> out.append(depth > 0 ? "|" : ",");
        case '\\' -> {
          if (i + 1 < glob.length()) {
            out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> out.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    if (depth != 0) {
      throw BuiltinException.failed("glob.match", "unexpected end of input");
    }
    return out.toString();
  }

  private static Value cidrContains(Value[] a) {
    Cidr outer = Cidr.parse(Args.string("net.cidr_contains", a, 0));
    Cidr inner = Cidr.parse(Args.string("net.cidr_contains", a, 1));
    return BooleanValue.of(outer.contains(inner));
  }

  private record Cidr(BigInteger network, int bits, int prefix) {
    static Cidr parse(String s) {
      int slash = s.indexOf('/');
      String ip = slash < 0 ? s : s.substring(0, slash);
      if (!ip.matches("[0-9a-fA-F:.]+")) {
        throw BuiltinException.failed("net.cidr_contains", "invalid CIDR address: " + s);
      }
      byte[] addr;
      try {
        addr = InetAddress.ofLiteral(ip).getAddress();
      } catch (IllegalArgumentException e) {
        throw BuiltinException.failed("net.cidr_contains", "invalid CIDR address: " + s);
      }
      int bits = addr.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw BuiltinException.failed("net.cidr_contains", "invalid CIDR address: " + s);
        }
      }
      BigInteger v = new BigInteger(1, addr);
      BigInteger mask =
          BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
      return new Cidr(v.and(mask), bits, prefix);
    }

    boolean contains(Cidr other) {
      if (other.bits != bits || other.prefix < prefix) {
        return false;
      }
      BigInteger mask =
          BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
      return other.network.and(mask).equals(network);
    }
  }
}
