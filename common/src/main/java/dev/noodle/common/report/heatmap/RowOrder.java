package dev.noodle.common.report.heatmap;

/** The order in which a heatmap file lists its bins. */
public enum RowOrder {
  /** Column by column, bottom to top within a column: how OpenROAD writes them. */
  COLUMN_MAJOR,
  /** Row by row, left to right within a row. */
  ROW_MAJOR,
  /** Neither. */
  UNSORTED
}
