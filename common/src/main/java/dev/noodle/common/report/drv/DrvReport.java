package dev.noodle.common.report.drv;

import dev.noodle.common.report.ParsedReport;
import dev.noodle.common.report.TimeUnits;
import dev.noodle.common.report.internal.Numbers;
import dev.noodle.common.report.internal.Reports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code report_check_types} report (max slew, max capacitance, max fanout) says.
 *
 * <p>A report may hold several runs of the command; {@link #sections()} keeps each section in
 * order, and {@link #checks()} gives the final word per check (the last thing the report says
 * about it). Without {@code -violators} OpenSTA prints only the worst pin, so a count read from
 * such a section is at most 1. Slew slacks go to ps with {@link #timeUnit()}; capacitance stays
 * in the report's own unit and fanout is unitless.
 *
 * @param sections check sections in printed order (at most {@link DrvReportParser#MAX_SECTIONS})
 * @param checks the final word per check, keyed by check name
 * @param orfsValues ORFS scalars such as {@code max_fanout_check_slack}, as printed
 * @param sentinels names in {@code orfsValues} whose value is a "no limit" sentinel (1e30)
 * @param timeUnit the time unit of slews and pulse widths, or null when unknown
 * @param groupSlacks the rows of the last {@code Group Slack} table, in the report's time unit
 */
public record DrvReport(boolean partial, List<String> problems, List<DrvSection> sections,
    Map<String, DrvCheck> checks, Map<String, Double> orfsValues, List<String> sentinels,
    String timeUnit, List<GroupSlack> groupSlacks) implements ParsedReport {
  /** The report kind key. */
  public static final String KIND = "drv";

  public DrvReport {
    problems = List.copyOf(problems);
    sections = List.copyOf(sections);
    checks = Reports.frozen(checks);
    orfsValues = Reports.frozen(orfsValues);
    sentinels = List.copyOf(sentinels);
    groupSlacks = List.copyOf(groupSlacks);
  }

  /** True for checks whose slack is a time: slew and pulse width. */
  static boolean isTime(String check) {
    return check.endsWith("_slew") || check.endsWith("_pulse_width");
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The sections of one check, in printed order. */
  public List<DrvSection> sections(String check) {
    return sections.stream().filter(s -> s.check().equals(check)).toList();
  }

  @Override
  public Map<String, Object> metrics() {
    Map<String, Object> out = new LinkedHashMap<>();
    Double psPerUnit = TimeUnits.picosecondsPer(timeUnit);
    for (DrvCheck check : checks.values()) {
      String prefix = "drv_" + check.check();
      if (check.count() != null) {
        out.put(prefix + "_count", check.count());
      }
      if (check.worstSlack() == null) {
        continue;
      }
      if (!isTime(check.check())) {
        out.put(prefix + "_worst_slack", check.worstSlack());
      } else if (psPerUnit != null) {
        out.put(prefix + "_worst_slack_ps",
            Numbers.toPicoseconds(check.worstSlack(), psPerUnit));
      }
    }
    if (!groupSlacks.isEmpty()) {
      out.put("drv_group_slack_rows", groupSlacks.size());
      if (psPerUnit != null) {
        double worst = groupSlacks.stream().mapToDouble(GroupSlack::slack).min().orElseThrow();
        out.put("drv_group_worst_slack_ps", Numbers.toPicoseconds(worst, psPerUnit));
      }
    }
    return Reports.frozen(out);
  }
}
