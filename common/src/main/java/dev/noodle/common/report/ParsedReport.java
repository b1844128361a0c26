package dev.noodle.common.report;

import java.util.List;
import java.util.Map;

/**
 * What a parser read from one report. Parsers never throw for bad content: a report they cannot
 * read comes back with {@link #problems()} saying why and no values, and a report read only in
 * part (truncated, cut lines, missing sections) comes back with {@link #partial()} set. A value
 * is never guessed: when in doubt it is left out.
 */
public interface ParsedReport {
  /** Report kind key: {@code timing}, {@code wns_tns}, {@code congestion}, ... */
  String kind();

  /** True when only part of the report could be read; the values present are still exact. */
  boolean partial();

  /** Why values are missing or the result is partial; empty when the report read cleanly. */
  List<String> problems();

  /**
   * The values as flat metrics with stable names and the unit in the name ({@code wns_ps},
   * {@code hot_ratio}, {@code power_total_w}, ...). Absent values are left out, never 0.
   */
  Map<String, Object> metrics();
}
