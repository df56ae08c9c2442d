package dev.gatehouse.admission.cel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A CIDR as Kubernetes' {@code cidr()} reads it: an {@link IpAddress}, a slash, a prefix length.
 */
record Cidr(IpAddress ip, int prefixLength) {

  static Optional<Cidr> parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String len = text.substring(slash + 1);
    if (len.isEmpty() || len.length() > 3 || (len.length() > 1 && len.charAt(0) == '0')) {
      return Optional.empty();
    }
    for (int i = 0; i < len.length(); i++) {
      if (!Character.isDigit(len.charAt(i))) {
        return Optional.empty();
      }
    }
    int prefix = Integer.parseInt(len);
    return IpAddress.parse(text.substring(0, slash))
        .filter(ip -> prefix <= ip.bytes().length * 8)
        .map(ip -> new Cidr(ip, prefix));
  }

  /** Whether {@code other} is inside this range (same family). */
  boolean contains(IpAddress other) {
    byte[] a = ip.bytes();
    byte[] b = other.bytes();
    if (a.length != b.length) {
      return false;
    }
    for (int bit = 0; bit < prefixLength; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code other} is a sub-range of this one. */
  boolean contains(Cidr other) {
    return other.prefixLength >= prefixLength && contains(other.ip);
  }

  /** This range with the host bits cleared. */
  Cidr masked() {
    byte[] a = ip.bytes();
    for (int bit = prefixLength; bit < a.length * 8; bit++) {
      a[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    try {
      return new Cidr(new IpAddress(InetAddress.getByAddress(a)), prefixLength);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return ip + "/" + prefixLength;
  }
}
