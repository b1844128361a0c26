package dev.noodle.common.report.timing;

/** How a path's check came out, as the report tags it. */
public enum SlackStatus {
  /** {@code slack (MET)}. */
  MET,
  /** {@code slack (VIOLATED)}. */
  VIOLATED,
  /** {@code (Path is unconstrained)}: no required time and no slack. */
  UNCONSTRAINED
}
