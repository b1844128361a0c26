package dev.noodle.common.report.heatmap;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Statistics over every bin of a heatmap file.
 *
 * @param bins bins read
 * @param min the lowest bin (the first one in the file on ties)
 * @param max the highest bin (the first one in the file on ties)
 * @param mean the plain mean of the bin values
 * @param areaWeightedMean the mean weighted by bin area, so clipped edge bins count less
 * @param binsAtOrAbove for each threshold, the bins whose value is at least the threshold
 * @param extent the box holding every bin
 * @param order the order the file lists its bins in
 */
public record HeatmapStats(long bins, Bin min, Bin max, double mean, double areaWeightedMean,
    SortedMap<Double, Long> binsAtOrAbove, Box extent, RowOrder order) {
  public HeatmapStats {
    binsAtOrAbove = Collections.unmodifiableSortedMap(new TreeMap<>(binsAtOrAbove));
  }
}
