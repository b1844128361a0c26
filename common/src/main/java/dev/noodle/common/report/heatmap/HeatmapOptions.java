package dev.noodle.common.report.heatmap;

import java.util.List;

/**
 * Settings for {@link HeatmapCsvParser}.
 *
 * @param thresholds values at or above which bins are counted, in the heatmap's unit; null for
 *     the default, which is 50, 70 and 80 for percent data and none for other units, since the
 *     same numbers would mean nothing there
 * @param maxBins most bins kept as a grid; past it the grid is left out and the result is
 *     partial, while the statistics still cover every row
 */
public record HeatmapOptions(List<Double> thresholds, int maxBins) {
  /** Default most bins kept. */
  public static final int MAX_BINS = 1_000_000;
  /** Thresholds used for percent data when none are given. */
  public static final List<Double> PERCENT_THRESHOLDS = List.of(50.0, 70.0, 80.0);

  public HeatmapOptions {
    if (maxBins < 1) {
      throw new IllegalArgumentException("maxBins must be at least 1, got " + maxBins);
    }
    if (thresholds != null) {
      for (Double t : thresholds) {
        if (t == null || !Double.isFinite(t)) {
          throw new IllegalArgumentException("thresholds must be finite numbers, got "
              + thresholds);
        }
      }
      thresholds = List.copyOf(thresholds);
    }
  }

  public static HeatmapOptions defaults() {
    return new HeatmapOptions(null, MAX_BINS);
  }

  public HeatmapOptions withThresholds(List<Double> values) {
    return new HeatmapOptions(values, maxBins);
  }

  public HeatmapOptions withMaxBins(int bins) {
    return new HeatmapOptions(thresholds, bins);
  }

  /** The thresholds that apply to data in {@code unit}. */
  List<Double> thresholdsFor(String unit) {
    if (thresholds != null) {
      return thresholds;
    }
    return "%".equals(unit) ? PERCENT_THRESHOLDS : List.of();
  }
}
