package dev.noodle.common.report.timing;

import dev.noodle.common.report.BoundedLineReader;
import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.internal.LineEndReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one-line slack summaries OpenSTA and OpenROAD print: {@code wns -0.74},
 * {@code tns max -2.054}, {@code worst slack min 0.05}, with any number of digits or an
 * exponent. The word {@code max} or no word gives the setup metric, {@code min} the hold one.
 * When a value is printed several times (before and after an optimisation), the last printing
 * is the result and all are kept in the history. Repair tables with WNS/TNS columns, endpoint
 * counts and warnings are passed over.
 *
 * <p>The time unit is found as {@link TimingReportParser} finds it; when unknown, no values
 * are kept and the result says {@code time unit unknown}. A value on a last line that has no
 * line ending may be cut, so it is not used. Stateless and thread-safe; memory stays bounded.
 */
public final class SlackSummaryParser {
  /** Most readings kept in {@link SlackSummary#history()}, the latest ones. */
  public static final int MAX_HISTORY = 1000;

  /** A value of this size (in report units) is the "no constrained path" sentinel, 1e30. */
  private static final double SENTINEL = 1e29;
  private static final Pattern LINE = Pattern.compile(
      "^\\s*(wns|tns|worst slack)(?:\\s+(max|min))?\\s+(\\S+)\\s*$");
  private static final Pattern KEY = Pattern.compile(
      "^\\s*(wns|tns|worst slack)(?:\\s+(max|min))?\\s");
  private static final Pattern INFINITE = Pattern.compile("[-+]?(?i:inf(?:inity)?)");
  private static final Pattern HEAD = Pattern.compile(
      "(?m)^\\s*(?:wns|tns|worst slack)(?:\\s+(?:max|min))?\\s+" + TimeText.NUMBER + "\\s*$");

  private SlackSummaryParser() {}

  /** True when {@code head} (the start of a file) holds a wns, tns or worst slack line. */
  public static boolean looksLike(String head) {
    return head != null && HEAD.matcher(head).find();
  }

  /**
   * Reads a report. Never throws for bad content.
   *
   * @param options the time unit if the caller knows it, and the most characters to read;
   *     null for {@link ParseOptions#defaults()}
   */
  public static SlackSummary parse(Reader report, ParseOptions options) throws IOException {
    ParseOptions opts = options == null ? ParseOptions.defaults() : options;
    long maxChars = opts.maxChars() > 0 ? opts.maxChars() : BoundedLineReader.MAX_CHARS;
    LineEndReader tracked = new LineEndReader(report);
    BoundedLineReader in = new BoundedLineReader(tracked, BoundedLineReader.MAX_LINE, maxChars);
    UnitEvidence units = new UnitEvidence(opts.timeUnit());
    ArrayDeque<Raw> history = new ArrayDeque<>();
    Map<String, Raw> last = new HashMap<>();
    long readings = 0;

    String line;
    while ((line = in.next()) != null) {
      Raw raw = in.lastLineClipped() ? clipped(line, in.lineNumber()) : read(line, in);
      if (raw == null) {
        units.offer(line);
        continue;
      }
      readings++;
      last.put(raw.metric, raw);
      history.addLast(raw);
      if (history.size() > MAX_HISTORY) {
        history.removeFirst();
      }
    }

    List<String> problems = new ArrayList<>();
    boolean partial = false;
    if (in.truncated()) {
      partial = true;
      problems.add("reading stopped after " + in.charsRead() + " characters (the limit);"
          + " a later value may have been missed");
    } else if (tracked.endsWithoutLineEnd() && !history.isEmpty()
        && history.peekLast().line == in.lineNumber()) {
      Raw cut = history.removeLast();
      last.put(cut.metric, cut.withProblem("line " + cut.line + " ('" + cut.printed
          + "') is the last line and has no line ending, so it may be cut; "
          + cut.metric + " is left out"));
      partial = true;
    } else if (tracked.endsWithoutLineEnd()) {
      partial = true;
      problems.add("the last line has no line end, so the report was cut there; a later value"
          + " may be missing");
    }
    return result(units, history, last, readings, partial, problems);
  }

  private static SlackSummary result(UnitEvidence units, ArrayDeque<Raw> history,
      Map<String, Raw> last, long readings, boolean partial, List<String> problems) {
    Double scale = units.scale();
    if (readings == 0) {
      problems.add("no wns, tns or worst slack line found");
    } else if (scale == null) {
      problems.add(units.problem());
    }
    for (Raw raw : last.values()) {
      if (raw.problem != null) {
        problems.add(raw.problem);
      }
    }
    List<SlackReading> readingsKept = new ArrayList<>(history.size());
    for (Raw raw : history) {
      readingsKept.add(new SlackReading(raw.metric, raw.ps(scale), raw.printed, raw.line));
    }
    return new SlackSummary(ps(last, "wns_ps", scale), ps(last, "tns_ps", scale),
        ps(last, "worst_slack_ps", scale), ps(last, "hold_wns_ps", scale),
        ps(last, "hold_tns_ps", scale), ps(last, "hold_worst_slack_ps", scale), readingsKept,
        readings, units.unit(), partial, problems);
  }

  private static Double ps(Map<String, Raw> last, String metric, Double scale) {
    Raw raw = last.get(metric);
    return raw == null || raw.problem != null ? null : raw.ps(scale);
  }

  private static Raw read(String line, BoundedLineReader in) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String metric = metric(m.group(1), m.group(2));
    String printed = m.group(3);
    long number = in.lineNumber();
    Double value = TimeText.number(printed);
    if (value != null && Math.abs(value) < SENTINEL) {
      return new Raw(metric, value, printed, number, null);
    }
    String why = value != null || INFINITE.matcher(printed).matches()
        ? "means no constrained path" : "is not a number";
    return new Raw(metric, null, printed, number,
        "line " + number + ": " + metric + " printed '" + printed + "', which " + why);
  }

  /** A line cut by the length limit: if it is a summary line, its value is unreadable. */
  private static Raw clipped(String line, long number) {
    Matcher m = KEY.matcher(line);
    if (!m.lookingAt()) {
      return null;
    }
    String metric = metric(m.group(1), m.group(2));
    return new Raw(metric, null, "...", number,
        "line " + number + ": the " + metric + " line is too long to read");
  }

  private static String metric(String key, String minMax) {
    String base = switch (key) {
      case "wns" -> "wns_ps";
      case "tns" -> "tns_ps";
      default -> "worst_slack_ps";
    };
    return "min".equals(minMax) ? "hold_" + base : base;
  }

  /** A reading in the report's unit; {@code problem} says why it has no value. */
  private record Raw(String metric, Double value, String printed, long line, String problem) {
    Double ps(Double scale) {
      return value == null || scale == null || problem != null
          ? null : TimeText.picoseconds(value, scale);
    }

    Raw withProblem(String text) {
      return new Raw(metric, value, printed, line, text);
    }
  }
}
