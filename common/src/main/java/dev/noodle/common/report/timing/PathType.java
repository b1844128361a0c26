package dev.noodle.common.report.timing;

/** Which check a path belongs to, from its {@code Path Type:} line. */
public enum PathType {
  /** {@code Path Type: min}: a hold (or removal) check. */
  MIN,
  /** {@code Path Type: max}: a setup (or recovery) check, and unconstrained paths. */
  MAX
}
