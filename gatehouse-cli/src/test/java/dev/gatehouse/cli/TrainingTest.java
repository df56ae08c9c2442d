package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run behind {@code ./gatehouse}'s start-up cache keeps working: every command it runs
 * exits as expected (if one stopped doing so, the script would quietly run without the cache).
 */
class TrainingTest {
  @Test
  void train_generatedCluster_everyCommandSucceeds(@TempDir Path dir) {
    Path cluster = dir.resolve("cluster");
    assertThat(Training.train(cluster.toString())).isTrue();
    assertThat(Files.exists(cluster.resolve("admin-policies.yaml"))).isTrue();
  }
}
