package dev.noodle.common.report.heatmap;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * The bins of a heatmap laid out as a grid: columns are the distinct bin left edges, rows the
 * distinct bin bottom edges. Bins are held in flat arrays, column by column and bottom to top,
 * whatever order the file listed them in. A grid may have holes: the tools leave out bins that
 * have no value.
 *
 * <p>Immutable.
 */
@com.fasterxml.jackson.annotation.JsonAutoDetect(
    fieldVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY)
public final class HeatmapGrid {
  private final double[] columnStarts;
  private final double[] rowStarts;
  private final double[] x0;
  private final double[] y0;
  private final double[] x1;
  private final double[] y1;
  private final double[] values;
  private final int[] columns;
  private final int[] rows;

  private HeatmapGrid(double[] x0, double[] y0, double[] x1, double[] y1, double[] values) {
    this.columnStarts = distinctSorted(x0);
    this.rowStarts = distinctSorted(y0);
    int n = values.length;
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> x0[i])
        .thenComparingDouble(i -> y0[i]));
    this.x0 = new double[n];
    this.y0 = new double[n];
    this.x1 = new double[n];
    this.y1 = new double[n];
    this.values = new double[n];
    this.columns = new int[n];
    this.rows = new int[n];
    for (int i = 0; i < n; i++) {
      int from = order[i];
      this.x0[i] = x0[from];
      this.y0[i] = y0[from];
      this.x1[i] = x1[from];
      this.y1[i] = y1[from];
      this.values[i] = values[from];
      this.columns[i] = Arrays.binarySearch(columnStarts, x0[from]);
      this.rows[i] = Arrays.binarySearch(rowStarts, y0[from]);
    }
  }

  /** A grid of the first {@code n} bins held in the given arrays (which are copied). */
  static HeatmapGrid of(double[] x0, double[] y0, double[] x1, double[] y1, double[] values,
      int n) {
    return new HeatmapGrid(Arrays.copyOf(x0, n), Arrays.copyOf(y0, n), Arrays.copyOf(x1, n),
        Arrays.copyOf(y1, n), Arrays.copyOf(values, n));
  }

  /** A grid with the same boxes as this one and the given values, in this grid's bin order. */
  HeatmapGrid withValues(double[] newValues) {
    return new HeatmapGrid(x0, y0, x1, y1, newValues.clone());
  }

  public int columns() {
    return columnStarts.length;
  }

  public int rows() {
    return rowStarts.length;
  }

  /** Bins present; less than {@code columns() * rows()} when the grid has holes. */
  public int size() {
    return values.length;
  }

  /** True when every column has a bin in every row. */
  public boolean complete() {
    return (long) columns() * rows() == size();
  }

  /** Left edges of the columns, ascending. */
  public List<Double> columnStarts() {
    return DoubleStream.of(columnStarts).boxed().toList();
  }

  /** Bottom edges of the rows, ascending. */
  public List<Double> rowStarts() {
    return DoubleStream.of(rowStarts).boxed().toList();
  }

  /** The {@code i}-th bin, counting column by column, bottom to top. */
  public Bin bin(int i) {
    return new Bin(box(i), values[i]);
  }

  public Box box(int i) {
    return new Box(x0[i], y0[i], x1[i], y1[i]);
  }

  public double value(int i) {
    return values[i];
  }

  /** Column of the {@code i}-th bin, from 0 at the left. */
  public int column(int i) {
    return columns[i];
  }

  /** Row of the {@code i}-th bin, from 0 at the bottom. */
  public int row(int i) {
    return rows[i];
  }

  /** The box holding every bin, or null for an empty grid. */
  public Box extent() {
    Box all = null;
    for (int i = 0; i < size(); i++) {
      all = all == null ? box(i) : all.union(box(i));
    }
    return all;
  }

  /** True when both grids have the same bins with the same boxes (values may differ). */
  public boolean sameLayout(HeatmapGrid other) {
    return Arrays.equals(x0, other.x0) && Arrays.equals(y0, other.y0)
        && Arrays.equals(x1, other.x1) && Arrays.equals(y1, other.y1);
  }

  private static double[] distinctSorted(double[] v) {
    return DoubleStream.of(v).sorted().distinct().toArray();
  }
}
