package dev.gatehouse.bench.netpol;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Heap measurement inside one JVM.
 *
 * <p>Peak: after a full GC the peak usage of every heap pool is reset; at the end the pools' peaks
 * are summed. The sum is an upper bound of the heap ever in use at once (pools peak at different
 * moments, and garbage not yet collected counts), taken with the JVM's {@code -Xmx} limiting it.
 * Retained: heap in use after a full GC while the results are still reachable.
 */
final class HeapUsage {
  private final List<MemoryPoolMXBean> pools;

  private HeapUsage(List<MemoryPoolMXBean> pools) {
    this.pools = pools;
  }

  /** Collects garbage and starts tracking peaks from here. */
  static HeapUsage start() {
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    return new HeapUsage(heap);
  }

  /** The sum of the heap pools' peak usage since {@link #start()}. */
  long peakBytes() {
    return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  /** Heap in use after a full GC. */
  static long retainedBytes() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The JVM's maximum heap. */
  static long maxBytes() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
  }
}
