package dev.noodle.common.report.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the path blocks out of {@code report_checks} lines, one line at a time, and keeps the
 * counts and worst slacks in the report's own unit. Lines outside a block (logs, banners,
 * section headers, other reports) are passed over.
 */
final class PathCollector {
  static final int MAX_PROBLEMS = 20;

  static final Pattern START = Pattern.compile("^\\s*Startpoint:\\s*(.*)$");
  static final Pattern END = Pattern.compile("^\\s*Endpoint:\\s*(.*)$");
  static final Pattern NO_PATHS = Pattern.compile("^\\s*No paths found\\.\\s*$");
  private static final Pattern DESCRIPTION = Pattern.compile("^\\s+\\((.*)\\)\\s*$");
  private static final Pattern GROUP = Pattern.compile("^\\s*Path Group:\\s*(.*?)\\s*$");
  private static final Pattern TYPE = Pattern.compile("^\\s*Path Type:\\s*(.*?)\\s*$");
  private static final Pattern ARRIVAL = Pattern.compile(
      "^\\s*(" + TimeText.NUMBER + ")\\s+data arrival time\\s*$");
  private static final Pattern REQUIRED = Pattern.compile(
      "^\\s*(" + TimeText.NUMBER + ")\\s+data required time\\s*$");
  private static final Pattern SLACK = Pattern.compile(
      "^\\s*(" + TimeText.NUMBER + ")\\s+slack \\((MET|VIOLATED)\\)\\s*$");
  private static final Pattern UNCONSTRAINED = Pattern.compile(
      "^\\s*\\(Path is unconstrained\\)\\s*$");
  /** ORFS section headers start with a line of {@code =}; a block never holds one. */
  private static final Pattern SECTION_RULE = Pattern.compile("^\\s*={5,}\\s*$");

  private final int maxKept;
  private final List<PathBlock> kept = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private int moreProblems;
  private PathBlock open;
  private boolean awaitingStartDescription;
  private boolean awaitingEndDescription;
  private boolean partial;
  int pathCount;
  int noPathsFound;
  int unconstrained;
  int setupViolating;
  int holdViolating;
  Double setupWorst;
  Double holdWorst;
  double setupNegativeSum;
  double holdNegativeSum;

  PathCollector(int maxKept) {
    this.maxKept = maxKept;
  }

  /** Reads one line; {@code number} is its one-based line number, for problems. */
  void accept(String line, long number) {
    if (awaitingStartDescription || awaitingEndDescription) {
      Matcher m = DESCRIPTION.matcher(line);
      boolean start = awaitingStartDescription;
      awaitingStartDescription = false;
      awaitingEndDescription = false;
      if (m.matches()) {
        if (start) {
          open.startpointDescription = m.group(1);
        } else {
          open.endpointDescription = m.group(1);
        }
        return;
      }
    }
    if (!line.contains("Startpoint:") && !line.contains("No paths found")) {
      if (open != null) {
        acceptInBlock(line, number);
      }
      return;
    }
    Matcher m = START.matcher(line);
    if (m.matches()) {
      abandon("the next path block starts at line " + number);
      open = new PathBlock(number);
      String[] parts = PathBlock.nameAndDescription(m.group(1));
      open.startpoint = parts[0];
      open.startpointDescription = parts[1];
      awaitingStartDescription = parts[1] == null;
      return;
    }
    if (NO_PATHS.matcher(line).matches()) {
      abandon("'No paths found.' follows at line " + number);
      noPathsFound++;
      return;
    }
    if (open != null) {
      acceptInBlock(line, number);
    }
  }

  private void acceptInBlock(String line, long number) {
    open.rows.accept(line, open.startpoint, open.endpoint);
    if (line.indexOf(':') < 0 && !line.contains(" time") && !line.contains("slack")
        && !line.contains("(Path is") && !line.contains("=====")) {
      // Most lines of a block are its table rows: none of the patterns below can match.
      return;
    }
    Matcher m;
    if (SECTION_RULE.matcher(line).matches()) {
      abandon("a section header follows at line " + number);
    } else if ((m = END.matcher(line)).matches()) {
      String[] parts = PathBlock.nameAndDescription(m.group(1));
      open.endpoint = parts[0];
      open.endpointDescription = parts[1];
      awaitingEndDescription = parts[1] == null;
    } else if ((m = GROUP.matcher(line)).matches()) {
      open.group = m.group(1).isEmpty() ? null : m.group(1);
    } else if ((m = TYPE.matcher(line)).matches()) {
      open.type = pathType(m.group(1), number);
    } else if ((m = ARRIVAL.matcher(line)).matches()) {
      // The summary under the block repeats the arrival negated: the first one is the time.
      if (open.arrival == null) {
        open.arrival = TimeText.number(m.group(1));
      }
    } else if ((m = REQUIRED.matcher(line)).matches()) {
      if (open.required == null) {
        open.required = TimeText.number(m.group(1));
      }
    } else if ((m = SLACK.matcher(line)).matches()) {
      open.slack = TimeText.number(m.group(1));
      open.status = SlackStatus.valueOf(m.group(2));
      record(number);
    } else if (UNCONSTRAINED.matcher(line).matches()) {
      open.status = SlackStatus.UNCONSTRAINED;
      record(number);
    }
  }

  private PathType pathType(String text, long number) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "min" -> PathType.MIN;
      case "max" -> PathType.MAX;
      default -> {
        problem("line " + number + ": path type '" + text + "' is neither min nor max; the"
            + " path counts for neither setup nor hold");
        yield null;
      }
    };
  }

  private void record(long number) {
    PathBlock block = open;
    open = null;
    pathCount++;
    if (block.contradicts()) {
      problem("line " + number + ": slack " + block.slack + " is tagged " + block.status
          + "; both are kept as printed");
    }
    if (block.status == SlackStatus.UNCONSTRAINED) {
      unconstrained++;
    }
    Double slack = block.signedSlack();
    if (block.type == PathType.MAX) {
      setupViolating += block.status == SlackStatus.VIOLATED ? 1 : 0;
      setupWorst = lower(setupWorst, slack);
      setupNegativeSum += negative(block);
    } else if (block.type == PathType.MIN) {
      holdViolating += block.status == SlackStatus.VIOLATED ? 1 : 0;
      holdWorst = lower(holdWorst, slack);
      holdNegativeSum += negative(block);
    }
    if (kept.size() < maxKept) {
      kept.add(block);
    }
  }

  private static double negative(PathBlock block) {
    return block.status == SlackStatus.VIOLATED && block.slack != null && block.slack < 0
        ? block.slack : 0;
  }

  private static Double lower(Double worst, Double slack) {
    if (slack == null) {
      return worst;
    }
    return worst == null || Double.compare(slack, worst) < 0 ? slack : worst;
  }

  /** Drops the open block, if any, because {@code reason}: the report is then partial. */
  void abandon(String reason) {
    awaitingStartDescription = false;
    awaitingEndDescription = false;
    if (open == null) {
      return;
    }
    partial = true;
    problem("the path block starting at line " + open.firstLine + " (startpoint "
        + open.startpoint + ") has no slack line before " + reason + "; it was left out");
    open = null;
  }

  /** Notes a problem; past {@link #MAX_PROBLEMS} only counts it. */
  void problem(String text) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(text);
    } else {
      moreProblems++;
    }
  }

  boolean partial() {
    return partial;
  }

  List<PathBlock> kept() {
    return kept;
  }

  List<String> problems() {
    List<String> all = new ArrayList<>(problems);
    if (moreProblems > 0) {
      all.add(moreProblems + " more problems like these");
    }
    return all;
  }
}
