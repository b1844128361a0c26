package dev.noodle.common.report.timing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A path block being read: its header fields and times in the report's own unit. */
final class PathBlock {
  private static final Pattern NAME_AND_DESCRIPTION = Pattern.compile("^(\\S+)\\s+\\((.*)\\)$");

  final long firstLine;
  String group;
  PathType type;
  String startpoint;
  String startpointDescription;
  String endpoint;
  String endpointDescription;
  Double arrival;
  Double required;
  Double slack;
  SlackStatus status;
  final PathRows rows = new PathRows();

  PathBlock(long firstLine) {
    this.firstLine = firstLine;
  }

  /** Splits {@code u1 (input port clocked by clk)} into name and description. */
  static String[] nameAndDescription(String text) {
    String stripped = text.strip();
    Matcher m = NAME_AND_DESCRIPTION.matcher(stripped);
    if (m.matches()) {
      return new String[] {m.group(1), m.group(2)};
    }
    return new String[] {stripped.isEmpty() ? null : stripped, null};
  }

  boolean complete() {
    return status != null;
  }

  /** The slack with a printed zero signed by the status: negative when VIOLATED. */
  Double signedSlack() {
    if (slack == null || slack != 0) {
      return slack;
    }
    return status == SlackStatus.VIOLATED ? -0.0 : 0.0;
  }

  /** True when the printed slack's sign contradicts the status tag. */
  boolean contradicts() {
    return slack != null && (status == SlackStatus.VIOLATED && slack > 0
        || status == SlackStatus.MET && slack < 0);
  }

  /** The finished path, times converted with {@code scale} ps per unit, or left out if null. */
  TimingPath toPath(Double scale) {
    return new TimingPath(group, type, startpoint, startpointDescription, endpoint,
        endpointDescription, ps(arrival, scale), ps(required, scale), ps(signedSlack(), scale),
        status, rows.columns(), rows.netLines(), rows.launch(scale), rows.capture(scale));
  }

  private static Double ps(Double value, Double scale) {
    return value == null || scale == null ? null : TimeText.picoseconds(value, scale);
  }
}
