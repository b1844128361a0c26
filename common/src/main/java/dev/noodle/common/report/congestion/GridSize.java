package dev.noodle.common.report.congestion;

import dev.noodle.common.report.heatmap.Box;

/**
 * The size of the global routing grid in gcells, needed to turn a count of congested gcells
 * into {@code hot_ratio}. The congestion report lists only congested gcells, so the grid size
 * must come from outside it.
 */
public record GridSize(int columns, int rows) {
  public GridSize {
    if (columns < 1 || rows < 1) {
      throw new IllegalArgumentException("a routing grid needs at least 1 column and 1 row, got "
          + columns + " x " + rows);
    }
  }

  /**
   * The grid the global router lays over {@code die} with gcells of the given size in
   * micrometres: as many whole gcells as fit across and up, a remainder narrower than a gcell
   * being part of the last one (so never fewer than 1).
   */
  public static GridSize fromDie(Box die, double gcellWidth, double gcellHeight) {
    if (!(gcellWidth > 0) || !(gcellHeight > 0) || !Double.isFinite(gcellWidth)
        || !Double.isFinite(gcellHeight)) {
      throw new IllegalArgumentException("gcell size must be positive, got " + gcellWidth + " x "
          + gcellHeight + " um");
    }
    if (!(die.width() > 0) || !(die.height() > 0)) {
      throw new IllegalArgumentException("the die must have a positive size, got " + die);
    }
    return new GridSize(whole(die.width(), gcellWidth), whole(die.height(), gcellHeight));
  }

  /** Gcells in the grid. */
  public long gcells() {
    return (long) columns * rows;
  }

  private static int whole(double length, double gcell) {
    // Micrometre values are decimal fractions: 94.05 / 2.85 may come out as 32.9999999.
    double count = Math.floor(length / gcell + 1e-6);
    if (count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a " + length + " um side holds more than "
          + Integer.MAX_VALUE + " gcells of " + gcell + " um");
    }
    return (int) Math.max(1, count);
  }
}
