package dev.gatehouse.netpol.algebra;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An inclusive range of IPv4 or IPv6 addresses, as unsigned integers of the family's width.
 *
 * @param v6 whether the addresses are IPv6
 */
public record IpRange(boolean v6, BigInteger first, BigInteger last)
    implements Comparable<IpRange> {

  /** Every IPv4 address. */
  public static final IpRange ALL_V4 =
      new IpRange(false, BigInteger.ZERO, BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE));

  /** Every IPv6 address. */
  public static final IpRange ALL_V6 =
      new IpRange(true, BigInteger.ZERO, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));

  /**
   * Parses a CIDR such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; host bits are ignored, as
   * Kubernetes' validation would reject them only in strict mode.
   */
  public static Optional<IpRange> parseCidr(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<byte[]> addr = parseAddress(cidr.substring(0, slash));
    int bits;
    try {
      bits = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (addr.isEmpty()) {
      return Optional.empty();
    }
    int width = addr.get().length * 8;
    if (bits < 0 || bits > width) {
      return Optional.empty();
    }
    BigInteger value = new BigInteger(1, addr.get());
    BigInteger hostMask = BigInteger.ONE.shiftLeft(width - bits).subtract(BigInteger.ONE);
    BigInteger first = value.andNot(hostMask);
    return Optional.of(new IpRange(width == 128, first, first.or(hostMask)));
  }

  /** Parses a single address into a one-address range. */
  public static Optional<IpRange> parseAddressRange(String ip) {
    return parseAddress(ip)
        .map(
            b -> {
              BigInteger v = new BigInteger(1, b);
              return new IpRange(b.length == 16, v, v);
            });
  }

  private static Optional<byte[]> parseAddress(String s) {
    if (s.isEmpty() || !s.matches("[0-9a-fA-F:.]+")) {
      return Optional.empty();
    }
    if (!s.contains(":") && !s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return Optional.empty();
    }
    try {
      byte[] b = InetAddress.getByName(s).getAddress();
      if (s.contains(":") && b.length == 4) {
        // An IPv4-mapped IPv6 literal: keep it IPv6.
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(b, 0, v6, 12, 4);
        return Optional.of(v6);
      }
      return Optional.of(b);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code other} lies entirely inside this range. */
  public boolean contains(IpRange other) {
    return v6 == other.v6 && first.compareTo(other.first) <= 0 && last.compareTo(other.last) >= 0;
  }

  /** Renders as {@code first-last}, e.g. {@code 10.0.0.0-10.255.255.255}. */
  @Override
  public String toString() {
    return format(first) + "-" + format(last);
  }

  /** Formats one address of this range's family. */
  public String format(BigInteger value) {
    if (!v6) {
      long v = value.longValue();
      return (v >>> 24 & 0xff)
          + "."
          + (v >>> 16 & 0xff)
          + "."
          + (v >>> 8 & 0xff)
          + "."
          + (v & 0xff);
    }
    byte[] raw = value.toByteArray();
    int width = 16;
    byte[] b = new byte[width];
    int copy = Math.min(raw.length, width);
    System.arraycopy(raw, raw.length - copy, b, width - copy, copy);
    try {
      return compressV6(InetAddress.getByAddress(b).getHostAddress());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String compressV6(String full) {
    // Java prints 0:0:0:0:0:0:0:1; RFC 5952 wants the longest run of zero groups as "::".
    String[] g = full.split(":");
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < g.length; ) {
      int j = i;
      while (j < g.length && g[j].equals("0")) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    if (bestStart < 0) {
      return full;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(g, 0, bestStart));
    String tail = String.join(":", java.util.Arrays.copyOfRange(g, bestStart + bestLen, g.length));
    return head + "::" + tail;
  }

  @Override
  public int compareTo(IpRange o) {
    if (v6 != o.v6) {
      return v6 ? 1 : -1;
    }
    int c = first.compareTo(o.first);
    return c != 0 ? c : last.compareTo(o.last);
  }
}
