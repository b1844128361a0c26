package dev.noodle.common.report.heatmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bin-by-bin difference {@code after - before} between two heatmaps of the same design and
 * grid, for instance before and after an ECO. Heatmaps whose grids or units differ are not
 * compared: {@link #delta()} is then null and {@link #problems()} says what differs.
 *
 * @param unit the unit shared by both heatmaps, or null when they name none
 * @param delta the differences, on the shared grid, or null when refused
 * @param maxIncrease the bin that rose most, null when refused
 * @param maxDecrease the bin that fell most (most negative difference), null when refused
 */
public record HeatmapDiff(List<String> problems, String unit, HeatmapGrid delta, Bin maxIncrease,
    Bin maxDecrease) {

  public HeatmapDiff {
    problems = List.copyOf(problems);
  }

  /** Compares two heatmaps; never throws for heatmaps that do not match. */
  public static HeatmapDiff between(Heatmap before, Heatmap after) {
    List<String> problems = new ArrayList<>();
    check(before, "before", problems);
    check(after, "after", problems);
    if (!problems.isEmpty()) {
      return refused(problems, before.unit());
    }
    if (!Objects.equals(before.unit(), after.unit())) {
      problems.add("the heatmaps have different units ('" + before.unit() + "' before, '"
          + after.unit() + "' after); compare heatmaps of the same kind");
    }
    HeatmapGrid a = before.grid();
    HeatmapGrid b = after.grid();
    if (!a.sameLayout(b)) {
      problems.add("the heatmaps have different grids (" + describe(a) + " before, "
          + describe(b) + " after); compare heatmaps of the same design dumped with the same "
          + "bin size");
    }
    if (!problems.isEmpty()) {
      return refused(problems, before.unit());
    }
    double[] d = new double[a.size()];
    int up = 0;
    int down = 0;
    for (int i = 0; i < d.length; i++) {
      d[i] = b.value(i) - a.value(i);
      up = d[i] > d[up] ? i : up;
      down = d[i] < d[down] ? i : down;
    }
    HeatmapGrid delta = a.withValues(d);
    return new HeatmapDiff(List.of(), before.unit(), delta, delta.bin(up), delta.bin(down));
  }

  /** The largest absolute difference, 0 when refused or when nothing changed. */
  public double maxAbs() {
    if (delta == null) {
      return 0;
    }
    return Math.max(Math.abs(maxIncrease.value()), Math.abs(maxDecrease.value()));
  }

  private static void check(Heatmap h, String which, List<String> problems) {
    if (h.grid() == null) {
      problems.add("the " + which + " heatmap has no grid to compare"
          + (h.problems().isEmpty() ? "" : ": " + h.problems().get(0)));
    } else if (h.partial()) {
      problems.add("the " + which + " heatmap was read only in part: " + h.problems().get(0));
    }
  }

  private static HeatmapDiff refused(List<String> problems, String unit) {
    return new HeatmapDiff(problems, unit, null, null, null);
  }

  private static String describe(HeatmapGrid g) {
    return g.columns() + " x " + g.rows() + " bins over " + g.extent();
  }
}
