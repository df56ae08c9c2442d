package dev.gatehouse.rego;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeTest {
  @Test
  void readme_listsEveryBuiltin() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (String name : Rego.builtins()) {
      assertThat(readme).as(name).contains(name.startsWith("internal.") ? name : "`" + name + "`");
    }
  }
}
