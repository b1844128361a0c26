package dev.noodle.common.report.congestion;

import dev.noodle.common.report.congestion.CongestionReport.Format;
import dev.noodle.common.report.congestion.CongestionReport.Totals;
import dev.noodle.common.report.heatmap.Box;
import dev.noodle.common.report.internal.LongPairSet;
import dev.noodle.common.report.internal.ProblemList;
import java.util.List;
import java.util.TreeMap;

/**
 * Running sums over the entries of one report, in memory that does not grow with the number of
 * entries beyond fixed caps: distinct gcells up to {@link #MAX_GCELLS} and distinct congestion
 * values up to {@link #MAX_LEVELS}. Past a cap that one value is left out, never estimated.
 */
final class CongestionTally {
  static final int MAX_GCELLS = 1_000_000;
  static final int MAX_LEVELS = 1_000;
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
    }
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
    if (sourcesLeftOut) {
      problems.add("a srcs line was too long to read whole; the source count is left out");
    }
    Long distinct = gcellsLeftOut == null ? Long.valueOf(gcells.size()) : null;
    Double hot = grid == null || distinct == null ? null : distinct / (double) grid.gcells();
    List<String> list = problems.toList();
    return new CongestionReport(partial, list, format, totals(0, 1), totals(0, 0), totals(1, 1),
        entries() == 0 ? 0L : max, entries() == 0 ? 0L : atMax,
        levelsCapped ? null : distribution, distinct, extent, first,
        sourcesLeftOut ? null : sourceRefs, grid, hot);
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
