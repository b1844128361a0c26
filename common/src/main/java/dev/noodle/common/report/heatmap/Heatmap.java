package dev.noodle.common.report.heatmap;

import dev.noodle.common.report.ParsedReport;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link HeatmapCsvParser} read from a {@code gui::dump_heatmap} file. When the file could
 * not be read, {@link #stats()} is null and {@link #problems()} says why.
 *
 * @param unit the value unit from the header ({@code %} for {@code value (%)}), or null when
 *     the header names none
 * @param grid the bins as a grid, or null when there were more bins than the parser keeps
 * @param stats statistics over every bin read, or null when none could be read
 */
public record Heatmap(boolean partial, List<String> problems, String unit, HeatmapGrid grid,
    HeatmapStats stats) implements ParsedReport {

  public Heatmap {
    problems = List.copyOf(problems);
  }

  @Override
  public String kind() {
    return "heatmap";
  }

  /**
   * Flat metrics. Values carry the unit as a suffix ({@code _pct} for percent); threshold counts
   * are named for the threshold, {@code heatmap_bins_ge_50_pct} for bins at or above 50 %.
   */
  @Override
  public Map<String, Object> metrics() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (stats == null) {
      return m;
    }
    String u = unitSuffix(unit);
    m.put("heatmap_bins", stats.bins());
    if (grid != null) {
      m.put("heatmap_columns", (long) grid.columns());
      m.put("heatmap_rows", (long) grid.rows());
    }
    m.put("heatmap_min" + u, stats.min().value());
    m.put("heatmap_max" + u, stats.max().value());
    m.put("heatmap_mean" + u, stats.mean());
    m.put("heatmap_mean_area_weighted" + u, stats.areaWeightedMean());
    stats.binsAtOrAbove().forEach((t, n) -> m.put("heatmap_bins_ge_" + label(t) + u, n));
    putBox(m, "heatmap_extent_", stats.extent());
    putBox(m, "heatmap_max_bin_", stats.max().box());
    putBox(m, "heatmap_min_bin_", stats.min().box());
    return Collections.unmodifiableMap(m);
  }

  /** {@code _pct} for percent, {@code _<unit>} for other units, nothing without a unit. */
  static String unitSuffix(String unit) {
    if (unit == null) {
      return "";
    }
    if (unit.equals("%")) {
      return "_pct";
    }
    String s = unit.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_+|_+$", "");
    return s.isEmpty() ? "" : "_" + s;
  }

  private static String label(double threshold) {
    return new BigDecimal(Double.toString(threshold)).stripTrailingZeros().toPlainString()
        .replace('.', 'p').replace('-', 'm');
  }

  private static void putBox(Map<String, Object> m, String prefix, Box b) {
    m.put(prefix + "x0_um", b.x0());
    m.put(prefix + "y0_um", b.y0());
    m.put(prefix + "x1_um", b.x1());
    m.put(prefix + "y1_um", b.y1());
  }
}
