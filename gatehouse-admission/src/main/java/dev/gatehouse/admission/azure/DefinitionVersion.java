package dev.gatehouse.admission.azure;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * A definition or initiative version ({@code 9.2.0}, {@code 1.0.0-preview}), ordered as versions
 * are: by major, minor and patch, a release after its pre-releases. Suffixes compare ignoring case
 * ({@code versions[]} lists {@code 1.0.0-PREVIEW} for {@code version: 1.0.0-preview}).
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 * @param suffix the pre-release suffix in lower case without its dash, "" for a release
 */
public record DefinitionVersion(int major, int minor, int patch, String suffix)
    implements Comparable<DefinitionVersion> {
  private static final Pattern VERSION =
      Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?$");
  private static final Pattern PIN =
      Pattern.compile("^(\\d+)\\.(\\d+|\\*)\\.(\\d+|\\*)(?:-([0-9A-Za-z.-]+))?$");
  private static final Comparator<DefinitionVersion> ORDER =
      Comparator.comparingInt(DefinitionVersion::major)
          .thenComparingInt(DefinitionVersion::minor)
          .thenComparingInt(DefinitionVersion::patch)
          .thenComparing(v -> v.suffix().isEmpty())
          .thenComparing(DefinitionVersion::suffix);

  /** Parses {@code major.minor.patch[-suffix]}. */
  public static Optional<DefinitionVersion> parse(String text) {
    Matcher m = VERSION.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new DefinitionVersion(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            suffixOf(m.group(4))));
  }

  /**
   * Whether this version satisfies an initiative member's {@code definitionVersion} pin: {@code
   * 9.*.*} (any 9.x.y), {@code 1.*.*-preview} (any 1.x.y-preview), or an exact version. A pin
   * without a suffix also accepts pre-releases of its major version.
   */
  public boolean satisfies(String pin) {
    Matcher m = PIN.matcher(pin.trim());
    if (!m.matches() || Integer.parseInt(m.group(1)) != major) {
      return false;
    }
    if (!m.group(2).equals("*") && Integer.parseInt(m.group(2)) != minor) {
      return false;
    }
    if (!m.group(3).equals("*") && Integer.parseInt(m.group(3)) != patch) {
      return false;
    }
    String pinSuffix = suffixOf(m.group(4));
    return pinSuffix.isEmpty() || pinSuffix.equals(suffix);
  }

  /** Whether {@code pin} is a well-formed {@code definitionVersion}. */
  public static boolean isPin(String pin) {
    return PIN.matcher(pin.trim()).matches();
  }

  @Override
  public int compareTo(DefinitionVersion o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (suffix.isEmpty() ? "" : "-" + suffix);
  }

  private static String suffixOf(@org.jspecify.annotations.Nullable String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
