package dev.noodle.common.report.drv;

import dev.noodle.common.report.internal.Numbers;
import java.util.Locale;
import java.util.regex.Pattern;

/** The lines of {@code report_check_types} and of the ORFS DRV sections. */
final class DrvPatterns {
  private static final String NUM = "(" + Numbers.DECIMAL + ")";

  /** {@code max slew}; older OpenSTA printed {@code max_transition}. */
  static final Pattern HEADING = Pattern.compile(
      "^\\s*(max|min)[ _](slew|transition|capacitance|fanout)\\s*$");
  /** {@code Pin Limit Slew Slack}; older OpenSTA printed {@code Trans} for the slew. */
  static final Pattern TABLE_HEADER = Pattern.compile(
      "^\\s*Pin\\s+(?:Limit\\s+(?:Slew|Trans|Cap|Capacitance|Fanout)|Width\\s+Width)"
          + "\\s+Slack\\s*$");
  /** First header line of a min pulse width table: {@code Required  Actual}. */
  static final Pattern PULSE_HEADING = Pattern.compile("^\\s*Required\\s+Actual\\s*$");
  /** {@code Group  Slack}, the path group table of a combined {@code -violators} run. */
  static final Pattern GROUP_HEADER = Pattern.compile("^\\s*Group\\s+Slack\\s*$");
  static final Pattern GROUP_ROW = Pattern.compile("^\\s*(\\S+)\\s+" + NUM + "\\s*$");
  static final Pattern DASHES = Pattern.compile("^\\s*-{4,}\\s*$");
  /** A table row; the tag at the end decides whether it violates. */
  static final Pattern ROW = Pattern.compile(
      "^\\s*(\\S+(?: \\((?:high|low)\\))?)\\s+" + NUM + "\\s+" + NUM + "\\s+" + NUM
          + "\\s+\\((VIOLATED|MET)\\)\\s*$");
  /** First line of a verbose block: {@code Pin reg1/QN v}. */
  static final Pattern PIN = Pattern.compile("^Pin\\s+(\\S+)(?:\\s+\\S)?\\s*$");
  /** {@code max slew 0.00}, {@code max_transition 0.00}, {@code max fanout 1}. */
  static final Pattern LIMIT = Pattern.compile(
      "^\\s*(?:max|min)[ _](?:slew|transition|capacitance|fanout)\\s+" + NUM + "\\s*$");
  /** {@code slew 0.01}, {@code transition_time 0.01}, {@code capacitance 2.92}. */
  static final Pattern VALUE = Pattern.compile(
      "^\\s*(?:slew|transition_time|capacitance|fanout)\\s+" + NUM + "\\s*$");
  static final Pattern SLACK = Pattern.compile(
      "^\\s*Slack\\s+" + NUM + "\\s+\\((VIOLATED|MET)\\)\\s*$");
  /** ORFS: {@code max slew violation count 0}. */
  static final Pattern COUNT = Pattern.compile(
      "^\\s*(max|min)[ _](slew|cap|capacitance|fanout) violation count (\\d{1,15})\\s*$");
  /** ORFS section heading of a scalar: {@code finish max_fanout_check_slack}. */
  static final Pattern ORFS_SCALAR = Pattern.compile(
      "^\\S+ ((?:max|min)_(?:slew|fanout|capacitance)_check_(?:slack|limit|slack_limit))\\s*$");
  static final Pattern NUMBER_LINE = Pattern.compile("^\\s*" + NUM + "\\s*$");
  /** A run of the command whose output is in the report, asking for violators only. */
  static final Pattern VIOLATORS_REQUEST = Pattern.compile(
      "report_check_types\\b[^>|]*\\s-violators\\b[^>|]*$");
  static final Pattern REQUESTED_CHECK = Pattern.compile(
      "\\s-(max|min)_(slew|cap|capacitance|fanout)\\b");
  /** {@code report_units} output: {@code time 1ns}. */
  static final Pattern TIME_UNIT = Pattern.compile("^\\s*time\\s+(\\d*[fpnum]?s)\\s*$");

  private DrvPatterns() {}

  /** The check name for a min/max word and a quantity word as any OpenSTA version prints. */
  static String check(String minMax, String quantity) {
    String what = switch (quantity.toLowerCase(Locale.ROOT)) {
      case "transition" -> "slew";
      case "cap" -> "capacitance";
      default -> quantity.toLowerCase(Locale.ROOT);
    };
    return minMax.toLowerCase(Locale.ROOT) + "_" + what;
  }
}
