package dev.noodle.common.report;

import dev.noodle.common.trial.Metrics;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the metrics of a trial from the standard output of its timing script: the tool's own
 * {@code report_wns}, {@code report_tns}, {@code report_worst_slack} and
 * {@code report_checks -format end} output, the time unit line, the area line and the closing
 * {@code noodle_done} line, without which the run counts as unfinished. Streams the text; memory
 * does not grow with the report.
 *
 * <p>Times are converted to picoseconds with the unit the run printed (or the study declared);
 * a report whose unit is unknown is an error, never a guess.
 */
public final class StaReportParser {
  private static final Pattern UNITS = Pattern.compile("^noodle_units\\s+time=(\\S+)");
  private static final Pattern TOOL_UNITS = Pattern.compile("^\\s*time\\s+(\\d*[fpnum]?s)\\s*$");
  private static final Pattern WNS = Pattern.compile("^wns(?:\\s+(?:max|min))?\\s+(\\S+)\\s*$");
  private static final Pattern TNS = Pattern.compile("^tns(?:\\s+(?:max|min))?\\s+(\\S+)\\s*$");
  private static final Pattern WORST = Pattern.compile(
      "^worst slack(?:\\s+(?:max|min))?\\s+(\\S+)\\s*$");
  private static final Pattern VIOLATORS = Pattern.compile(
      "^noodle_violating_endpoints\\s+(\\d+)\\s*$");
  private static final String DONE = "noodle_done";
  private static final Pattern END_HEADER = Pattern.compile("^Endpoint\\s+.*Slack\\s*$");
  private static final Pattern AREA = Pattern.compile(
      "^(?:noodle_area\\s+(\\S+)|Design area\\s+(\\S+)\\s+u\\^2.*)$");

  private StaReportParser() {}

  /**
   * Parses a report.
   *
   * @param report the script's standard output
   * @param declaredUnit {@code ns} or {@code ps} when the study declares it, else null
   */
  public static TimingReading parse(Reader report, String declaredUnit) throws IOException {
    BoundedLineReader in = new BoundedLineReader(report);
    String unit = declaredUnit;
    Double wns = null;
    Double tns = null;
    Double area = null;
    Double worst = null;
    Integer printedViolators = null;
    boolean done = false;
    int violating = 0;
    boolean endTable = false;
    boolean inEndTable = false;
    String line;
    while ((line = in.next()) != null) {
      Matcher m;
      if (inEndTable) {
        if (line.endsWith("(VIOLATED)")) {
          violating++;
          continue;
        }
        if (line.endsWith("(MET)")) {
          continue;
        }
        // The table ends at a blank line or at any line that is not one of its rows.
        inEndTable = false;
        if (line.isBlank()) {
          continue;
        }
      }
      if (declaredUnit == null && (m = UNITS.matcher(line)).find()) {
        unit = m.group(1);
      } else if (declaredUnit == null && (m = TOOL_UNITS.matcher(line)).matches()) {
        unit = m.group(1);
      } else if ((m = WNS.matcher(line)).matches()) {
        wns = number(m.group(1));
        if (wns == null) {
          return TimingReading.unreadable("report_wns printed '" + line.strip()
              + "', which is not a number");
        }
      } else if ((m = TNS.matcher(line)).matches()) {
        tns = number(m.group(1));
        if (tns == null) {
          return TimingReading.unreadable("report_tns printed '" + line.strip()
              + "', which is not a number");
        }
      } else if ((m = WORST.matcher(line)).matches()) {
        worst = number(m.group(1));
      } else if ((m = VIOLATORS.matcher(line)).matches()) {
        printedViolators = Integer.parseInt(m.group(1));
      } else if (line.strip().equals(DONE)) {
        done = true;
      } else if (END_HEADER.matcher(line).find()) {
        endTable = true;
        inEndTable = true;
        String separator = in.next();
        if (separator == null) {
          break;
        }
      } else if ((m = AREA.matcher(line)).matches()) {
        area = number(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    if (!done) {
      return TimingReading.missing("the timing script did not reach its end (no '" + DONE
          + "' line): it stopped early or never ran");
    }
    if (wns == null || tns == null) {
      return TimingReading.missing("the timing report has no "
          + (wns == null ? "'wns' line (report_wns)" : "'tns' line (report_tns)"));
    }
    Double scale = unit == null ? null : picosecondsPer(unit);
    if (scale == null) {
      return TimingReading.unreadable(unit == null
          ? "the report does not say its time unit and the study declares none; set "
              + "tools.time_unit or print the unit"
          : "unknown time unit '" + unit + "'");
    }
    if (printedViolators != null) {
      // The script's own count takes only slack < 0; the table also lists slack == 0.
      violating = printedViolators;
    } else if (!endTable && wns < 0) {
      // Without any endpoint listing only the sign of WNS is known: one endpoint at least.
      violating = 1;
    }
    double worstPs = worst == null ? wns * scale : worst * scale;
    return TimingReading.ok(new Metrics(round(wns * scale), round(tns * scale), round(worstPs),
        violating, area, unit));
  }

  static Double picosecondsPer(String unit) {
    return TimeUnits.picosecondsPer(unit);
  }

  private static Double number(String text) {
    try {
      double v = Double.parseDouble(text);
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Rounds away float noise from unit conversion (values print with at most a few digits). */
  private static double round(double ps) {
    return Math.round(ps * 1000.0) / 1000.0;
  }
}
