package dev.noodle.common.report.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of one path block: its column header, its {@code (net)} lines and the two clock
 * sides. Values stay in the report's own unit until {@link #launch(Double)} and
 * {@link #capture(Double)} convert them.
 */
final class PathRows {
  private static final Pattern HEADER = Pattern.compile(
      "^\\s*((?:[A-Z][A-Za-z]*\\s+)+)Description\\s*$");
  private static final Pattern DASHES = Pattern.compile("^\\s*-{4,}\\s*$");
  private static final Pattern ROW = Pattern.compile(
      "^\\s*((?:" + TimeText.NUMBER + "\\s+)+)(?:[\\^v]\\s+)?(\\S.*?)\\s*$");
  private static final Pattern MARKED = Pattern.compile(
      "^\\s*(?:" + TimeText.NUMBER + "\\s+)+[\\^v]\\s");
  private static final Pattern NET = Pattern.compile("^\\s+\\S+ \\(net\\)\\s*$");
  private static final Pattern EDGE = Pattern.compile("^clock (\\S+) \\((rise|fall) edge\\)$");
  private static final Pattern NETWORK = Pattern.compile(
      "^clock network delay \\((ideal|propagated)\\)$|^clock source latency$");

  private enum Phase { HEAD, LAUNCH, CAPTURE, SUMMARY }

  private Phase phase = Phase.HEAD;
  private List<String> columns = List.of();
  private int netLines;
  // On the launch side the startpoint's first row is its clock pin only when an output row of
  // the same instance follows; a report may print the output pin alone.
  private final Side launch = new Side(true);
  private final Side capture = new Side(false);

  /** Reads one line of the block; {@code startpoint} and {@code endpoint} name the pins. */
  void accept(String line, String startpoint, String endpoint) {
    if (phase == Phase.HEAD) {
      Matcher h = HEADER.matcher(line);
      if (h.matches()) {
        List<String> names = new ArrayList<>(List.of(h.group(1).strip().split("\\s+")));
        names.add("Description");
        columns = List.copyOf(names);
      } else if (DASHES.matcher(line).matches() && !columns.isEmpty()) {
        phase = Phase.LAUNCH;
      }
      return;
    }
    if (phase == Phase.SUMMARY) {
      return;
    }
    if (NET.matcher(line).matches()) {
      netLines++;
      return;
    }
    Matcher m = ROW.matcher(line);
    if (!m.matches()) {
      return;
    }
    String[] numbers = m.group(1).strip().split("\\s+");
    Double time = TimeText.number(numbers[numbers.length - 1]);
    String description = m.group(2);
    if (phase == Phase.LAUNCH) {
      if (description.equals("data arrival time")) {
        phase = Phase.CAPTURE;
      } else {
        launch.row(description, time, MARKED.matcher(line).find(), startpoint);
      }
    } else if (description.equals("data required time")) {
      phase = Phase.SUMMARY;
    } else {
      capture.row(description, time, MARKED.matcher(line).find(), endpoint);
    }
  }

  /** Column names of the table header as printed, ending with {@code Description}. */
  List<String> columns() {
    return columns;
  }

  int netLines() {
    return netLines;
  }

  PathClock launch(Double scale) {
    return launch.toClock(scale);
  }

  PathClock capture(Double scale) {
    return capture.toClock(scale);
  }

  /** What one clock side printed. */
  private static final class Side {
    private String clock;
    private String edge;
    private Double edgeTime;
    private String network;
    private String networkLine;
    private Double pinTime;
    private int markedRows;
    private Integer treeLines;
    private final boolean confirm;
    private boolean confirmed;

    Side(boolean confirm) {
      this.confirm = confirm;
    }

    void row(String description, Double time, boolean marked, String pin) {
      Matcher m;
      if (edge == null && (m = EDGE.matcher(description)).matches()) {
        clock = m.group(1);
        edge = m.group(2);
        edgeTime = time;
      } else if (networkLine == null && (m = NETWORK.matcher(description)).matches()) {
        networkLine = description;
        network = "ideal".equals(m.group(1)) ? "ideal" : "propagated";
      } else if (edge != null && pin != null && description.startsWith(pin + "/")) {
        if (treeLines == null) {
          pinTime = time;
          treeLines = markedRows;
        } else {
          confirmed = true;
        }
      } else if (marked && treeLines == null && !description.endsWith("(in)")) {
        markedRows++;
      }
    }

    PathClock toClock(Double scale) {
      if (edge == null && networkLine == null) {
        return null;
      }
      boolean pin = !confirm || confirmed;
      return new PathClock(clock, edge, ps(edgeTime, scale), network, networkLine,
          pin ? ps(pinTime, scale) : null, pin ? treeLines : null);
    }
  }

  private static Double ps(Double value, Double scale) {
    return value == null || scale == null ? null : TimeText.picoseconds(value, scale);
  }
}
