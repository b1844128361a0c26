package dev.noodle.common.report.heatmap;

import dev.noodle.common.report.internal.LongPairSet;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Collects heatmap rows: keeps up to a fixed number of bins for the grid and keeps exact running
 * statistics over every row, so memory stays bounded however long the file is.
 */
final class HeatmapAccumulator {
  private final int maxBins;
  private final List<Double> thresholds;
  private final long[] atOrAbove;
  private final LongPairSet seen;
  private double[] x0 = new double[64];
  private double[] y0 = new double[64];
  private double[] x1 = new double[64];
  private double[] y1 = new double[64];
  private double[] values = new double[64];
  private int kept;
  private boolean overflowed;
  private long count;
  private double sum;
  private double weightedSum;
  private double areaSum;
  private Bin min;
  private Bin max;
  private Box extent;
  private boolean columnMajor = true;
  private boolean rowMajor = true;
  private double lastX0;
  private double lastY0;

  HeatmapAccumulator(int maxBins, List<Double> thresholds) {
    this.maxBins = maxBins;
    this.thresholds = thresholds;
    this.atOrAbove = new long[thresholds.size()];
    this.seen = new LongPairSet(maxBins);
  }

  /** Adds a bin; false when a bin with the same lower-left corner was already read. */
  boolean add(Box box, double value) {
    if (!overflowed) {
      LongPairSet.Added added = seen.add(Double.doubleToLongBits(box.x0()),
          Double.doubleToLongBits(box.y0()));
      if (added == LongPairSet.Added.PRESENT) {
        return false;
      }
      if (added == LongPairSet.Added.FULL) {
        overflowed = true;
      } else {
        keep(box, value);
      }
    }
    tally(box, value);
    return true;
  }

  /** True when more bins came than are kept: the grid is then left out. */
  boolean overflowed() {
    return overflowed;
  }

  long count() {
    return count;
  }

  HeatmapGrid grid() {
    return overflowed ? null : HeatmapGrid.of(x0, y0, x1, y1, values, kept);
  }

  HeatmapStats stats() {
    if (count == 0) {
      return null;
    }
    TreeMap<Double, Long> counts = new TreeMap<>();
    for (int i = 0; i < atOrAbove.length; i++) {
      counts.put(thresholds.get(i), atOrAbove[i]);
    }
    RowOrder order = columnMajor ? RowOrder.COLUMN_MAJOR
        : rowMajor ? RowOrder.ROW_MAJOR : RowOrder.UNSORTED;
    return new HeatmapStats(count, min, max, sum / count, weightedSum / areaSum, counts, extent,
        order);
  }

  private void keep(Box box, double value) {
    if (kept == values.length) {
      int size = (int) Math.min((long) kept * 2, maxBins);
      x0 = Arrays.copyOf(x0, size);
      y0 = Arrays.copyOf(y0, size);
      x1 = Arrays.copyOf(x1, size);
      y1 = Arrays.copyOf(y1, size);
      values = Arrays.copyOf(values, size);
    }
    x0[kept] = box.x0();
    y0[kept] = box.y0();
    x1[kept] = box.x1();
    y1[kept] = box.y1();
    values[kept] = value;
    kept++;
  }

  private void tally(Box box, double value) {
    if (count > 0) {
      columnMajor &= box.x0() > lastX0 || (box.x0() == lastX0 && box.y0() > lastY0);
      rowMajor &= box.y0() > lastY0 || (box.y0() == lastY0 && box.x0() > lastX0);
    }
    lastX0 = box.x0();
    lastY0 = box.y0();
    count++;
    sum += value;
    weightedSum += value * box.area();
    areaSum += box.area();
    if (min == null || value < min.value()) {
      min = new Bin(box, value);
    }
    if (max == null || value > max.value()) {
      max = new Bin(box, value);
    }
    extent = extent == null ? box : extent.union(box);
    for (int i = 0; i < atOrAbove.length; i++) {
      if (value >= thresholds.get(i)) {
        atOrAbove[i]++;
      }
    }
  }
}
