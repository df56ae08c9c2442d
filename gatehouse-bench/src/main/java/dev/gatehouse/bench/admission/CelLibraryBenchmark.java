package dev.gatehouse.bench.admission;

import dev.gatehouse.admission.AdmissionRequest;
import dev.gatehouse.admission.EngineChoice;
import dev.gatehouse.admission.Inventory;
import dev.gatehouse.admission.PolicySnapshot;
import dev.gatehouse.admission.ReviewResult;
import dev.gatehouse.admission.cel.CelDriver;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Pod (two containers and an init container) reviewed against one constraint of a Gatekeeper
 * library template, evaluated by the CEL driver ({@code K8sNativeValidation}): the whole
 * per-request cost, for comparison with {@link RegoLibraryBenchmark}. Of the three templates
 * benchmarked there, only the privileged-container one has a CEL source in the library;
 * allowed-repos and container-limits are Rego-only.
 *
 * <p>Run: {@code java -jar gatehouse-bench/target/benchmarks.jar 'Rego|Cel' -f 1 -wi 3 -i 5} from
 * the reactor root (the templates are read from {@code ../shared/conformance/gatekeeper-library},
 * or {@code -Dgatehouse.library=DIR} through {@code -jvmArgs}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CelLibraryBenchmark {
  @Param({"k8spspprivilegedcontainer"})
  public String template;

  private PolicySnapshot snapshot;
  private AdmissionRequest request;

  /** Compiles the template's CEL and its constraint once. */
  @Setup
  public void setUp() {
    snapshot = LibraryFixtures.snapshot(template, CelDriver.create(), EngineChoice.CEL);
    request = LibraryFixtures.request();
    if (snapshot.review(request, Inventory.empty()).results().isEmpty()) {
      throw new IllegalStateException(template + " finds nothing to report in the benchmark Pod");
    }
  }

  /** Reviews the Pod. */
  @Benchmark
  public ReviewResult review() {
    return snapshot.review(request, Inventory.empty());
  }
}
