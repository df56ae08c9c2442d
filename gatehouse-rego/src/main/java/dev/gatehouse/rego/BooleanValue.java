package dev.gatehouse.rego;

/** A Rego boolean. */
public record BooleanValue(boolean value) implements Value {
  /** {@code true}. */
  public static final BooleanValue TRUE = new BooleanValue(true);

  /** {@code false}. */
  public static final BooleanValue FALSE = new BooleanValue(false);

  /** The shared instance for {@code b}. */
  public static BooleanValue of(boolean b) {
    return b ? TRUE : FALSE;
  }

  @Override
  public int typeRank() {
    return 1;
  }

  @Override
  public String typeName() {
    return "boolean";
  }

  @Override
  public Object toJava() {
    return value;
  }

  @Override
  public int compareTo(Value o) {
    return o instanceof BooleanValue b
        ? Boolean.compare(value, b.value)
        : Integer.compare(1, o.typeRank());
  }

  @Override
  public String toString() {
    return Boolean.toString(value);
  }
}
