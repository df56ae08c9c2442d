package dev.gatehouse.rego;

import org.jspecify.annotations.Nullable;

/** The Rego and JSON {@code null}. */
public record NullValue() implements Value {
  /** The only instance worth using. */
  public static final NullValue INSTANCE = new NullValue();

  @Override
  public int typeRank() {
    return 0;
  }

  @Override
  public String typeName() {
    return "null";
  }

  @Override
  public @Nullable Object toJava() {
    return null;
  }

  @Override
  public int compareTo(Value o) {
    return Integer.compare(0, o.typeRank());
  }

  @Override
  public String toString() {
    return "null";
  }
}
