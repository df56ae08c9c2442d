package dev.gatehouse.rego.internal.builtins;

import dev.gatehouse.rego.BooleanValue;
import dev.gatehouse.rego.StringValue;
import dev.gatehouse.rego.Value;
import dev.gatehouse.rego.internal.json.JsonReader;
import dev.gatehouse.rego.internal.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** JSON, base64 and hex encodings. */
final class Encodings {
  private Encodings() {}

  static void register(Registry r) {
    r.add("json.marshal", 1, (a, c) -> new StringValue(JsonWriter.marshal(a[0])));
    r.add("json.unmarshal", 1, (a, c) -> unmarshal(Args.string("json.unmarshal", a, 0)));
    r.add(
        "json.is_valid",
        1,
        (a, c) -> BooleanValue.of(a[0] instanceof StringValue s && isJson(s.value())));
    r.add(
        "base64.encode",
        1,
        (a, c) -> str(Base64.getEncoder().encodeToString(bytes("base64.encode", a))));
    r.add("base64.decode", 1, (a, c) -> decode("base64.decode", Base64.getDecoder(), a));
    r.add(
        "base64.is_valid",
        1,
        (a, c) -> BooleanValue.of(a[0] instanceof StringValue s && isBase64(s.value())));
    r.add(
        "base64url.encode",
        1,
        (a, c) -> str(Base64.getUrlEncoder().encodeToString(bytes("base64url.encode", a))));
    r.add(
        "base64url.encode_no_pad",
        1,
        (a, c) ->
            str(
                Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(bytes("base64url.encode_no_pad", a))));
    r.add("base64url.decode", 1, (a, c) -> decode("base64url.decode", Base64.getUrlDecoder(), a));
    r.add("hex.encode", 1, (a, c) -> str(HexFormat.of().formatHex(bytes("hex.encode", a))));
    r.add("hex.decode", 1, (a, c) -> hexDecode(a));
  }

  private static StringValue str(String s) {
    return new StringValue(s);
  }

  private static byte[] bytes(String fn, Value[] a) {
    return Args.string(fn, a, 0).getBytes(StandardCharsets.UTF_8);
  }

  private static Value unmarshal(String s) {
    try {
      return JsonReader.parse(s);
    } catch (IllegalArgumentException e) {
      throw BuiltinException.failed("json.unmarshal", String.valueOf(e.getMessage()));
    }
  }

  private static boolean isJson(String s) {
    try {
      JsonReader.parse(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isBase64(String s) {
    try {
      Base64.getDecoder().decode(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Value decode(String fn, Base64.Decoder d, Value[] a) {
    try {
      return str(new String(d.decode(Args.string(fn, a, 0)), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw BuiltinException.failed(fn, "illegal base64 data");
    }
  }

  private static Value hexDecode(Value[] a) {
    try {
      return str(
          new String(
              HexFormat.of().parseHex(Args.string("hex.decode", a, 0)), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw BuiltinException.failed("hex.decode", "invalid byte");
    }
  }
}
