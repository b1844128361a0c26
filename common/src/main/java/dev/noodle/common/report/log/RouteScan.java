package dev.noodle.common.report.log;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the global router's final congestion table, wirelength and routed nets. */
final class RouteScan {
  private static final int MAX_LAYERS = 100;
  private static final Pattern HEADER = Pattern.compile(
      "^\\s*Layer\\s+Resource\\s+Demand\\s+Usage \\(%\\)\\s+Max H / Max V / Total"
          + " (?:Congestion|Overflow)\\s*$");
  private static final Pattern DASHES = Pattern.compile("^\\s*-{4,}\\s*$");
  private static final Pattern ROW = Pattern.compile(
      "^\\s*(\\S+)\\s+(\\d{1,15})\\s+(\\d{1,15})\\s+(\\d{1,12}(?:\\.\\d+)?)%\\s+(\\d{1,15})\\s*/"
          + "\\s*(\\d{1,15})\\s*/\\s*(\\d{1,15})\\s*$");
  private static final Pattern WIRELENGTH = Pattern.compile(
      "\\[INFO GRT-0018\\] Total wirelength: (\\d{1,15}(?:\\.\\d+)?) um\\s*$");
  private static final Pattern NETS = Pattern.compile(
      "\\[INFO GRT-0014\\] Routed nets: (\\d{1,15})\\s*$");

  private List<RouteLayer> reading;
  private List<RouteLayer> layers = List.of();
  private RouteLayer total;
  private Double wirelength;
  private Long nets;

  /** Takes the line when it belongs to the table; false otherwise. */
  boolean accept(String line) {
    Matcher m;
    if (reading != null) {
      if (DASHES.matcher(line).matches()) {
        return true;
      }
      if ((m = ROW.matcher(line)).matches()) {
        RouteLayer row = new RouteLayer(m.group(1), Long.parseLong(m.group(2)),
            Long.parseLong(m.group(3)), Double.parseDouble(m.group(4)),
            Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), Long.parseLong(m.group(7)));
        if (row.layer().equals("Total")) {
          layers = List.copyOf(reading);
          total = row;
          reading = null;
        } else if (reading.size() < MAX_LAYERS) {
          reading.add(row);
        }
        return true;
      }
      reading = null;
    }
    if (HEADER.matcher(line).matches()) {
      reading = new ArrayList<>();
      return true;
    }
    if ((m = WIRELENGTH.matcher(line)).find()) {
      wirelength = Double.parseDouble(m.group(1));
    } else if ((m = NETS.matcher(line)).find()) {
      nets = Long.parseLong(m.group(1));
    }
    return false;
  }

  /** The summary, or null when the log printed none of it. */
  RouteSummary result() {
    if (total == null && wirelength == null && nets == null) {
      return null;
    }
    return new RouteSummary(layers, total, wirelength, nets);
  }
}
