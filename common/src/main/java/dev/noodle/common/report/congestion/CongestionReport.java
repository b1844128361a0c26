package dev.noodle.common.report.congestion;

import dev.noodle.common.report.ParsedReport;
import dev.noodle.common.report.heatmap.Box;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link CongestionReportParser} read from a global routing congestion report. When the
 * report could not be read, {@link #all()} is null and {@link #problems()} says why; every other
 * value may be null on its own when it could not be known exactly.
 *
 * @param format which of the historical layouts the report uses, null when it has no entries
 * @param all totals over every entry
 * @param horizontal totals over {@code Horizontal congestion} entries
 * @param vertical totals over {@code Vertical congestion} entries
 * @param maxCongestion highest congestion of one entry; 0 for a report with no entries (the
 *     router writes an empty file when nothing is congested)
 * @param entriesAtMax entries at {@code maxCongestion}
 * @param distribution entries per congestion value, ascending
 * @param gcells distinct gcell boxes among the entries (a gcell congested both ways counts once)
 * @param extent the box holding every entry, null without entries
 * @param first the first entry in the file, null without entries
 * @param sourceRefs source objects listed over all entries
 * @param grid the routing grid size the caller gave, or null
 * @param hotRatio {@code gcells / grid.gcells()}, null without a grid
 * @param ranges what the entries have in common (capacity per direction, layers, box sizes,
 *     sources per entry), null without entries
 */
public record CongestionReport(boolean partial, List<String> problems, Format format, Totals all,
    Totals horizontal, Totals vertical, Long maxCongestion, Long entriesAtMax,
    SortedMap<Long, Long> distribution, Long gcells, Box extent, CongestionEntry first,
    Long sourceRefs, GridSize grid, Double hotRatio, EntryRanges ranges)
    implements ParsedReport {

  /** Layouts OpenROAD has written over time. */
  public enum Format {
    /** Early writer: {@code congestion information: capacity:C usage:U overflow:K}. */
    INFORMATION_OVERFLOW,
    /** Marker writer: {@code comment: capacity:C usage:U overflow:K}. */
    COMMENT_OVERFLOW,
    /** Marker writer after the rename: {@code comment: capacity:C usage:U congestion:K}. */
    COMMENT_CONGESTION
  }

  /** Sums over a set of entries; capacity, usage and congestion are in routing tracks. */
  public record Totals(long entries, long capacity, long usage, long congestion) {}

  public CongestionReport {
    problems = List.copyOf(problems);
    distribution = distribution == null ? null
        : Collections.unmodifiableSortedMap(new TreeMap<>(distribution));
  }

  static CongestionReport unreadable(boolean partial, List<String> problems, GridSize grid) {
    return new CongestionReport(partial, problems, null, null, null, null, null, null, null,
        null, null, null, null, grid, null, null);
  }

  @Override
  public String kind() {
    return "congestion";
  }

  @Override
  public Map<String, Object> metrics() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (all == null) {
      return m;
    }
    m.put("congestion_entries", all.entries());
    m.put("congestion_h_entries", horizontal.entries());
    m.put("congestion_v_entries", vertical.entries());
    putTotals(m, "congestion_", all);
    putTotals(m, "congestion_h_", horizontal);
    putTotals(m, "congestion_v_", vertical);
    putIfKnown(m, "congestion_max", maxCongestion);
    putIfKnown(m, "congestion_max_entries", entriesAtMax);
    if (distribution != null) {
      distribution.forEach((level, count) -> m.put("congestion_entries_at_" + level, count));
    }
    putIfKnown(m, "congestion_gcells", gcells);
    if (extent != null) {
      m.put("congestion_extent_x0_um", extent.x0());
      m.put("congestion_extent_y0_um", extent.y0());
      m.put("congestion_extent_x1_um", extent.x1());
      m.put("congestion_extent_y1_um", extent.y1());
    }
    putIfKnown(m, "congestion_src_refs", sourceRefs);
    putIfKnown(m, "hot_ratio", hotRatio);
    if (ranges != null) {
      putIfKnown(m, "congestion_h_capacity_min", ranges.hCapacityMin());
      putIfKnown(m, "congestion_h_capacity_max", ranges.hCapacityMax());
      putIfKnown(m, "congestion_v_capacity_min", ranges.vCapacityMin());
      putIfKnown(m, "congestion_v_capacity_max", ranges.vCapacityMax());
      m.put("congestion_entries_not_usage_minus_capacity", ranges.notUsageMinusCapacity());
      m.put("congestion_layer_count", ranges.layers().size());
      m.put("congestion_box_width_min_um", ranges.boxWidthMinUm());
      m.put("congestion_box_width_max_um", ranges.boxWidthMaxUm());
      m.put("congestion_box_height_min_um", ranges.boxHeightMinUm());
      m.put("congestion_box_height_max_um", ranges.boxHeightMaxUm());
      putIfKnown(m, "congestion_srcs_per_entry_min", ranges.sourcesMin());
      putIfKnown(m, "congestion_srcs_per_entry_max", ranges.sourcesMax());
    }
    return Collections.unmodifiableMap(m);
  }

  private static void putTotals(Map<String, Object> m, String prefix, Totals t) {
    m.put(prefix + "capacity_total", t.capacity());
    m.put(prefix + "usage_total", t.usage());
    m.put(prefix + "overflow_total", t.congestion());
  }

  private static void putIfKnown(Map<String, Object> m, String name, Object value) {
    if (value != null) {
      m.put(name, value);
    }
  }
}
