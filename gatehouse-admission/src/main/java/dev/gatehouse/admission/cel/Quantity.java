package dev.gatehouse.admission.cel;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A Kubernetes resource quantity ({@code k8s.io/apimachinery/pkg/api/resource}): a decimal number
 * with an optional binary-SI ({@code Ki..Ei}), decimal-SI ({@code n u m k M G T P E}) or exponent
 * ({@code e3}) suffix. Equal quantities are equal regardless of spelling ({@code 1} = {@code
 * 1000m}).
 */
final class Quantity implements Comparable<Quantity> {
  private final BigDecimal value;

  private Quantity(BigDecimal value) {
    this.value = value;
  }

  /** The exact value. */
  BigDecimal value() {
    return value;
  }

  static Quantity of(BigDecimal value) {
    return new Quantity(value);
  }

  /** Parses {@code text}, or empty when it is not a quantity. */
  static Optional<Quantity> parse(String text) {
    int i = 0;
    int n = text.length();
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int digitsStart = i;
    boolean dot = false;
    int digits = 0;
    while (i < n && (Character.isDigit(text.charAt(i)) || (text.charAt(i) == '.' && !dot))) {
      if (text.charAt(i) == '.') {
        dot = true;
      } else {
        digits++;
      }
      i++;
    }
    if (digits == 0) {
      return Optional.empty();
    }
    BigDecimal number;
    try {
      number = new BigDecimal(text.substring(0, i).replace("+", ""));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (digitsStart == i) {
      return Optional.empty();
    }
    return multiplier(text.substring(i)).map(m -> new Quantity(number.multiply(m)));
  }

  private static Optional<BigDecimal> multiplier(String suffix) {
    BigDecimal k2 = BigDecimal.valueOf(1024);
    return switch (suffix) {
      case "" -> Optional.of(BigDecimal.ONE);
      case "Ki" -> Optional.of(k2);
      case "Mi" -> Optional.of(k2.pow(2));
      case "Gi" -> Optional.of(k2.pow(3));
      case "Ti" -> Optional.of(k2.pow(4));
      case "Pi" -> Optional.of(k2.pow(5));
      case "Ei" -> Optional.of(k2.pow(6));
      case "n" -> Optional.of(BigDecimal.ONE.scaleByPowerOfTen(-9));
      case "u" -> Optional.of(BigDecimal.ONE.scaleByPowerOfTen(-6));
      case "m" -> Optional.of(BigDecimal.ONE.scaleByPowerOfTen(-3));
      case "k" -> Optional.of(BigDecimal.ONE.scaleByPowerOfTen(3));
      case "M" -> Optional.of(BigDecimal.ONE.scaleByPowerOfTen(6));
      case "G" -> Optional.of(BigDecimal.ONE.scaleByPowerOfTen(9));
      case "T" -> Optional.of(BigDecimal.ONE.scaleByPowerOfTen(12));
      case "P" -> Optional.of(BigDecimal.ONE.scaleByPowerOfTen(15));
      case "E" -> Optional.of(BigDecimal.ONE.scaleByPowerOfTen(18));
      default -> exponent(suffix);
    };
  }

  private static Optional<BigDecimal> exponent(String suffix) {
    if (suffix.length() < 2 || (suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E')) {
      return Optional.empty();
    }
    String exp = suffix.substring(1);
    if (!exp.matches("[+-]?[0-9]{1,3}")) {
      return Optional.empty();
    }
    return Optional.of(BigDecimal.ONE.scaleByPowerOfTen(Integer.parseInt(exp.replace("+", ""))));
  }

  @Override
  public int compareTo(Quantity o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity q && value.compareTo(q.value) == 0;
  }

  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    return value.stripTrailingZeros().toPlainString();
  }
}
