package dev.noodle.common.report.power;

import dev.noodle.common.report.ParsedReport;
import dev.noodle.common.report.internal.Reports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@code report_power} table says. Values are in W, as printed; nothing is summed or
 * recomputed. When a report holds several tables the last complete one counts.
 *
 * @param groups the group rows in printed order, without the Total row
 * @param total the Total row, or null when the table was not read to its end
 * @param internalPercent internal share of the total from the last row, or null
 * @param switchingPercent switching share of the total from the last row, or null
 * @param leakagePercent leakage share of the total from the last row, or null
 * @param tables how many complete tables the input held
 */
public record PowerReport(boolean partial, List<String> problems, List<PowerGroup> groups,
    PowerGroup total, Double internalPercent, Double switchingPercent, Double leakagePercent,
    int tables) implements ParsedReport {
  /** The report kind key. */
  public static final String KIND = "power";

  public PowerReport {
    problems = List.copyOf(problems);
    groups = List.copyOf(groups);
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The group row with this name (any case), or null. */
  public PowerGroup group(String name) {
    return groups.stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst()
        .orElse(null);
  }

  @Override
  public Map<String, Object> metrics() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (total != null) {
      out.put("power_total_w", total.totalW());
      out.put("power_internal_w", total.internalW());
      out.put("power_switching_w", total.switchingW());
      out.put("power_leakage_w", total.leakageW());
    }
    putIfPresent(out, "power_internal_pct", internalPercent);
    putIfPresent(out, "power_switching_pct", switchingPercent);
    putIfPresent(out, "power_leakage_pct", leakagePercent);
    for (PowerGroup group : groups) {
      String slug = group.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
      out.put("power_" + slug + "_w", group.totalW());
      out.put("power_" + slug + "_pct", group.percent());
    }
    return Reports.frozen(out);
  }

  private static void putIfPresent(Map<String, Object> out, String name, Double value) {
    if (value != null) {
      out.put(name, value);
    }
  }
}
