package dev.noodle.common.report.orfs;

import dev.noodle.common.report.ParsedReport;
import dev.noodle.common.report.internal.Reports;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an ORFS metrics file ({@code metadata*.json}, {@code *_report.json}) holds.
 *
 * <p>{@link #metrics()} has Noodle's names for the values of the last flow stage in the file
 * ({@code worst_slack_ps}, {@code tns_ps}, {@code power_total_w}, ...) and the same names for
 * every stage under {@code stages.<stage>.<name>}; {@link #sources()} gives the ORFS key each
 * came from. Times are in ps. A key the file lacks is left out, never 0.
 *
 * @param values every key as read, in file order: Long, Double, BigInteger, String, Boolean,
 *     a list of those, or null; for a duplicated key the last value
 * @param duplicateKeys keys that occur more than once (the last value counts)
 * @param sentinelKeys keys whose value is a "no limit" sentinel such as 1e30; kept, not dropped
 * @param missing Noodle names of the main metrics that the last stage does not report
 * @param timeUnit the time unit the times were read in, or null when it is unknown
 * @param finalStage the last flow stage with mapped keys, or null
 * @param entries key entries in the file, duplicates included
 * @param duplicateValues every value of each duplicated key in file order (at most 10 each),
 *     so the overwritten earlier values stay visible
 */
public record OrfsMetrics(boolean partial, List<String> problems, Map<String, Object> metrics,
    Map<String, String> sources, Map<String, Object> values, List<String> duplicateKeys,
    List<String> sentinelKeys, List<String> missing, String timeUnit, String finalStage,
    long entries, Map<String, List<Object>> duplicateValues) implements ParsedReport {
  /** The report kind key. */
  public static final String KIND = "orfs_metrics";

  public OrfsMetrics {
    problems = List.copyOf(problems);
    metrics = Reports.frozen(metrics);
    sources = Reports.frozen(sources);
    values = Reports.frozen(values);
    duplicateKeys = List.copyOf(duplicateKeys);
    sentinelKeys = List.copyOf(sentinelKeys);
    missing = List.copyOf(missing);
    Map<String, List<Object>> copy = new LinkedHashMap<>();
    // Values may be JSON null, which List.copyOf refuses.
    duplicateValues.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(
        new ArrayList<>(v))));
    duplicateValues = Collections.unmodifiableMap(copy);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
