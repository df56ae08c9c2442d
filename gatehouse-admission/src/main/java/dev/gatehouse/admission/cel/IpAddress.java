package dev.gatehouse.admission.cel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An IP address as Kubernetes' {@code ip()} reads it: dotted-quad IPv4 without leading zeros, or
 * IPv6 without zone and not IPv4-mapped. Parsed without name resolution.
 */
record IpAddress(InetAddress address) {

  static Optional<IpAddress> parse(String text) {
    if (text.indexOf(':') < 0) {
      return parseIpv4(text);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        return Optional.empty();
      }
    }
    try {
      InetAddress a = InetAddress.ofLiteral(text);
      return a instanceof Inet6Address ? Optional.of(new IpAddress(a)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<IpAddress> parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return Optional.empty();
      }
      for (int j = 0; j < p.length(); j++) {
        if (!Character.isDigit(p.charAt(j))) {
          return Optional.empty();
        }
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) v;
    }
    try {
      return Optional.of(new IpAddress(InetAddress.getByAddress(bytes)));
    } catch (java.net.UnknownHostException e) {
      return Optional.empty();
    }
  }

  long family() {
    return address instanceof Inet4Address ? 4 : 6;
  }

  byte[] bytes() {
    return address.getAddress();
  }

  boolean isGlobalUnicast() {
    byte[] b = bytes();
    boolean broadcast =
        b.length == 4
            && b[0] == (byte) 255
            && b[1] == (byte) 255
            && b[2] == (byte) 255
            && b[3] == (byte) 255;
    return !broadcast
        && !address.isAnyLocalAddress()
        && !address.isLoopbackAddress()
        && !address.isMulticastAddress()
        && !address.isLinkLocalAddress();
  }

  /** Go's {@code netip.Addr.String()}: dotted quad, or RFC 5952 compressed IPv6. */
  @Override
  public String toString() {
    byte[] b = bytes();
    if (b.length == 4) {
      return (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 255) << 8) | (b[2 * i + 1] & 255);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(groups[i]));
    }
    return sb.toString();
  }
}
