package dev.gatehouse.rego;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A Rego number of arbitrary precision. The decimal is normalised (trailing zeros stripped) so that
 * {@code 1 == 1.0} and equal numbers have equal hash codes.
 */
public record NumberValue(BigDecimal value) implements Value {
  private static final NumberValue[] SMALL = new NumberValue[1025];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = new NumberValue(BigDecimal.valueOf(i - 512));
    }
  }

  /** Normalises the decimal. */
  public NumberValue {
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  /** The number {@code n}. */
  public static NumberValue of(long n) {
    return n >= -512 && n <= 512 ? SMALL[(int) n + 512] : new NumberValue(BigDecimal.valueOf(n));
  }

  /** The number {@code d}. */
  public static NumberValue of(BigDecimal d) {
    return new NumberValue(d);
  }

  /**
   * Parses a JSON or Rego number literal.
   *
   * @throws NumberFormatException if the text is not a number or its exponent is beyond ±100000
   */
  public static NumberValue parse(String text) {
    BigDecimal d = new BigDecimal(text);
    if (Math.abs((long) d.scale()) > 100_000 || d.precision() > 100_000) {
      throw new NumberFormatException("number out of range: " + text);
    }
    return new NumberValue(d);
  }

  /** Whether this number has no fractional part. */
  public boolean isInteger() {
    return value.scale() <= 0;
  }

  /** This number as a long, if it is an integer that fits. */
  public Optional<Long> asLong() {
    if (!isInteger() || value.precision() - value.scale() > 19) {
      return Optional.empty();
    }
    try {
      return Optional.of(value.longValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** This number as a big integer, if it is an integer. */
  public Optional<BigInteger> asBigInteger() {
    return isInteger() ? Optional.of(value.toBigIntegerExact()) : Optional.empty();
  }

  @Override
  public int typeRank() {
    return 2;
  }

  @Override
  public String typeName() {
    return "number";
  }

  @Override
  public Object toJava() {
    return value;
  }

  @Override
  public int compareTo(Value o) {
    return o instanceof NumberValue n ? value.compareTo(n.value) : Integer.compare(2, o.typeRank());
  }

  /** The number as OPA prints it: integers without exponent, decimals in plain notation. */
  @Override
  public String toString() {
    if (value.scale() < -1000 || value.scale() > 1000) {
      return value.toString().replace("E", "e");
    }
    return isInteger() ? value.toBigInteger().toString() : value.toPlainString();
  }
}
