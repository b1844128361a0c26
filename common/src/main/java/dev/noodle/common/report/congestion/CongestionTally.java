package dev.noodle.common.report.congestion;

import dev.noodle.common.report.congestion.CongestionReport.Format;
import dev.noodle.common.report.congestion.CongestionReport.Totals;
import dev.noodle.common.report.heatmap.Box;
import dev.noodle.common.report.internal.LongPairSet;
import dev.noodle.common.report.internal.ProblemList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Running sums over the entries of one report, in memory that does not grow with the number of
 * entries beyond fixed caps: distinct gcells up to {@link #MAX_GCELLS} and distinct congestion
 * values up to {@link #MAX_LEVELS}. Past a cap that one value is left out, never estimated.
 */
final class CongestionTally {
  static final int MAX_GCELLS = 1_000_000;
  static final int MAX_LEVELS = 1_000;
  static final int MAX_LAYERS = 100;
  /** Gcell corners are kept as whole 1e-4 um steps, the finest the report prints. */
  private static final double STEPS_PER_UM = 1e4;

  private final long[] entries = new long[2];
  private final long[] capacity = new long[2];
  private final long[] usage = new long[2];
  private final long[] congestion = new long[2];
  private final TreeMap<Long, Long> distribution = new TreeMap<>();
  private final LongPairSet gcells = new LongPairSet(MAX_GCELLS);
  private long max = Long.MIN_VALUE;
  private long atMax;
  private boolean levelsCapped;
  private String gcellsLeftOut;
  private Box extent;
  private CongestionEntry first;
  private Format format;
  private long sourceRefs;
  private boolean sourcesLeftOut;
  private final long[] capacityMin = {Long.MAX_VALUE, Long.MAX_VALUE};
  private final long[] capacityMax = {Long.MIN_VALUE, Long.MIN_VALUE};
  private long notUsageMinusCapacity;
  private final TreeSet<String> layers = new TreeSet<>();
  private boolean layersCapped;
  private double widthMin = Double.MAX_VALUE;
  private double widthMax = -Double.MAX_VALUE;
  private double heightMin = Double.MAX_VALUE;
  private double heightMax = -Double.MAX_VALUE;
  private int sourcesMin = Integer.MAX_VALUE;
  private int sourcesMax = Integer.MIN_VALUE;

  void add(CongestionEntry e, Format entryFormat) {
    int d = e.horizontal() ? 0 : 1;
    entries[d]++;
    capacity[d] += e.capacity();
    usage[d] += e.usage();
    congestion[d] += e.congestion();
    if (e.congestion() > max) {
      max = e.congestion();
      atMax = 1;
    } else if (e.congestion() == max) {
      atMax++;
    }
    countLevel(e.congestion());
    countGcell(e.box());
    extent = extent == null ? e.box() : extent.union(e.box());
    if (first == null) {
      first = e;
      format = entryFormat;
    }
    if (e.sources() < 0) {
      sourcesLeftOut = true;
    } else {
      sourceRefs += e.sources();
      sourcesMin = Math.min(sourcesMin, e.sources());
      sourcesMax = Math.max(sourcesMax, e.sources());
    }
    shape(e, d);
  }

  private void shape(CongestionEntry e, int d) {
    capacityMin[d] = Math.min(capacityMin[d], e.capacity());
    capacityMax[d] = Math.max(capacityMax[d], e.capacity());
    if (e.congestion() != e.usage() - e.capacity()) {
      notUsageMinusCapacity++;
    }
    String layer = e.layer() == null ? "-" : e.layer();
    if (layers.size() < MAX_LAYERS || layers.contains(layer)) {
      layers.add(layer);
    } else {
      layersCapped = true;
    }
    double w = Math.round(e.box().width() * STEPS_PER_UM) / STEPS_PER_UM;
    double h = Math.round(e.box().height() * STEPS_PER_UM) / STEPS_PER_UM;
    widthMin = Math.min(widthMin, w);
    widthMax = Math.max(widthMax, w);
    heightMin = Math.min(heightMin, h);
    heightMax = Math.max(heightMax, h);
  }

  private EntryRanges ranges() {
    if (entries() == 0) {
      return null;
    }
    boolean sources = sourcesMax >= sourcesMin;
    return new EntryRanges(low(capacityMin[0]), high(capacityMax[0]), low(capacityMin[1]),
        high(capacityMax[1]), notUsageMinusCapacity, List.copyOf(layers), widthMin, widthMax,
        heightMin, heightMax, sources ? sourcesMin : null, sources ? sourcesMax : null);
  }

  private static Long low(long v) {
    return v == Long.MAX_VALUE ? null : v;
  }

  private static Long high(long v) {
    return v == Long.MIN_VALUE ? null : v;
  }

  long entries() {
    return entries[0] + entries[1];
  }

  CongestionReport report(boolean partial, ProblemList problems, GridSize grid) {
    if (levelsCapped) {
      problems.add("more than " + MAX_LEVELS + " distinct congestion values; the distribution "
          + "is left out");
    }
    if (gcellsLeftOut != null) {
      problems.add(gcellsLeftOut + "; the gcell count and hot_ratio are left out");
    }
    if (layersCapped) {
      problems.add("more than " + MAX_LAYERS + " layer names; the layer list is cut");
    }
    if (sourcesLeftOut) {
      problems.add("a srcs line was too long to read whole; the source count is left out");
    }
    Long distinct = gcellsLeftOut == null ? Long.valueOf(gcells.size()) : null;
    Double hot = grid == null || distinct == null ? null : distinct / (double) grid.gcells();
    List<String> list = problems.toList();
    return new CongestionReport(partial, list, format, totals(0, 1), totals(0, 0), totals(1, 1),
        entries() == 0 ? 0L : max, entries() == 0 ? 0L : atMax,
        levelsCapped ? null : distribution, distinct, extent, first,
        sourcesLeftOut ? null : sourceRefs, grid, hot, ranges());
  }

  private Totals totals(int from, int to) {
    long n = 0;
    long c = 0;
    long u = 0;
    long k = 0;
    for (int d = from; d <= to; d++) {
      n += entries[d];
      c += capacity[d];
      u += usage[d];
      k += congestion[d];
    }
    return new Totals(n, c, u, k);
  }

  private void countLevel(long level) {
    if (levelsCapped) {
      return;
    }
    if (distribution.size() == MAX_LEVELS && !distribution.containsKey(level)) {
      levelsCapped = true;
      distribution.clear();
      return;
    }
    distribution.merge(level, 1L, Long::sum);
  }

  private void countGcell(Box box) {
    if (gcellsLeftOut != null) {
      return;
    }
    long x0 = Math.round(box.x0() * STEPS_PER_UM);
    long y0 = Math.round(box.y0() * STEPS_PER_UM);
    long x1 = Math.round(box.x1() * STEPS_PER_UM);
    long y1 = Math.round(box.y1() * STEPS_PER_UM);
    if (!fitsInt(x0) || !fitsInt(y0) || !fitsInt(x1) || !fitsInt(y1)) {
      gcellsLeftOut = "a gcell lies beyond +-214 mm (" + box + ")";
      return;
    }
    if (gcells.add(x0 << 32 | (y0 & 0xFFFFFFFFL), x1 << 32 | (y1 & 0xFFFFFFFFL))
        == LongPairSet.Added.FULL) {
      gcellsLeftOut = "more than " + MAX_GCELLS + " distinct gcells";
    }
  }

  private static boolean fitsInt(long v) {
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
  }
}
