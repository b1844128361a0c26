package dev.noodle.common.report.congestion;

import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.congestion.CongestionReport.Format;
import dev.noodle.common.report.heatmap.Box;
import dev.noodle.common.report.internal.ProblemList;
import dev.noodle.common.report.internal.TerminatedLines;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the file OpenROAD writes with {@code global_route -congestion_report_file}: one entry
 * per congested gcell edge, a {@code violation type: Horizontal congestion} (or {@code
 * Vertical}) line followed by TAB-indented {@code srcs:}, comment and {@code bbox = ...} lines.
 * All three historical comment forms are read: {@code congestion information: capacity:C
 * usage:U overflow:K}, {@code comment: capacity:C usage:U overflow:K} and {@code comment:
 * capacity:C usage:U congestion:K}, the last possibly followed by a kind in parentheses.
 *
 * <p>Streams the text through a bounded line reader. An empty file is a clean report with no
 * congestion, as the router writes it. An entry that is incomplete or malformed is left out and
 * marks the result partial; a file with no entry at all comes back with problems and no values.
 * Only {@link IOException} from the reader is thrown.
 */
public final class CongestionReportParser {
  private static final Pattern HEADER = Pattern.compile("^\\s*violation type:\\s*(.*?)\\s*$");
  private static final Pattern DIRECTION = Pattern.compile(
      "(?i)^(horizontal|vertical) congestion$");
  private static final Pattern COMMENT = Pattern.compile("^(comment|congestion information):"
      + "\\s*capacity:\\s*(-?\\d{1,9})\\s+usage:\\s*(-?\\d{1,9})\\s+(congestion|overflow):"
      + "\\s*(-?\\d{1,9})(?:\\s+\\([^()]*\\))?\\s*$");
  private static final String NUM = "\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d{1,3})?)\\s*";
  private static final Pattern BBOX = Pattern.compile("^bbox\\s*=\\s*\\(" + NUM + "," + NUM
      + "\\)\\s*-\\s*\\(" + NUM + "," + NUM + "\\)\\s*on Layer\\s+(\\S+)\\s*$");
  private static final Pattern LOOKS_LIKE = Pattern.compile(
      "(?mi)^[ \\t]*violation type:[ \\t]*(horizontal|vertical) congestion[ \\t]*\\r?$");

  private CongestionReportParser() {}

  /**
   * True when {@code head}, the start of a file, shows a congestion report entry. An empty file
   * is a valid (clean) report but is not recognised: it could be anything.
   */
  public static boolean looksLike(String head) {
    return head != null && LOOKS_LIKE.matcher(head).find();
  }

  /**
   * Parses a report.
   *
   * @param grid the routing grid size when known, to compute {@code hot_ratio}; else null
   */
  public static CongestionReport parse(Reader report, ParseOptions options, GridSize grid)
      throws IOException {
    TerminatedLines in = new TerminatedLines(report, options.maxChars());
    ProblemList problems = new ProblemList();
    CongestionTally tally = new CongestionTally();
    Entry current = null;
    long strayLines = 0;
    long brokenEntries = 0;
    String line;
    while ((line = in.next()) != null) {
      Matcher m = HEADER.matcher(line);
      if (m.matches()) {
        brokenEntries += finish(current, tally, problems) ? 0 : 1;
        current = new Entry(in.lineNumber(), m.group(1), problems);
        if (in.lastLineClipped()) {
          current.fail("has a header longer than the line limit");
        }
      } else if (line.isBlank()) {
        continue;
      } else if (current == null) {
        strayLines++;
        problems.add("line " + in.lineNumber() + " is not part of a congestion entry: '"
            + excerpt(line) + "'");
      } else {
        current.read(line.strip(), in.lineNumber(), in.lastLineClipped());
      }
    }
    boolean cut = in.truncated() || in.droppedUnterminatedLine();
    if (cut && current != null) {
      // The entry being read when the input stopped may be missing lines that were cut off.
      current.cutShort = !current.complete();
    }
    brokenEntries += finish(current, tally, problems) ? 0 : 1;
    return result(in, tally, problems, grid, strayLines, brokenEntries);
  }

  private static CongestionReport result(TerminatedLines in, CongestionTally tally,
      ProblemList problems, GridSize grid, long strayLines, long brokenEntries) {
    boolean partial = brokenEntries > 0;
    if (in.truncated()) {
      partial = true;
      problems.add("the report is longer than the read limit; only its start was read");
    }
    if (in.droppedUnterminatedLine()) {
      partial = true;
      problems.add("the last line has no line ending, so the file may be cut; it was left out");
    }
    if (in.sawControlCharacters()) {
      problems.add("the file holds control characters: it is not a text congestion report");
      return CongestionReport.unreadable(partial, problems.toList(), grid);
    }
    if (tally.entries() == 0 && (strayLines > 0 || partial)) {
      problems.add("no congestion entry ('violation type: Horizontal congestion' or 'Vertical "
          + "congestion' with its comment and bbox lines) could be read");
      return CongestionReport.unreadable(partial, problems.toList(), grid);
    }
    return tally.report(partial, problems, grid);
  }

  /** Adds a finished entry to the tally; false when it was unusable. */
  private static boolean finish(Entry e, CongestionTally tally, ProblemList problems) {
    if (e == null) {
      return true;
    }
    if (e.cutShort) {
      problems.add("the entry at line " + e.line + " was cut off by the end of the input");
      return false;
    }
    if (e.broken) {
      return false;
    }
    if (!e.complete()) {
      problems.add("the entry at line " + e.line + " has no "
          + (e.format == null ? "capacity/usage comment" : "bbox") + " line; it is left out");
      return false;
    }
    tally.add(new CongestionEntry(e.horizontal, e.capacity, e.usage, e.congestion, e.box,
        e.layer, e.sources), e.format);
    return true;
  }

  static String excerpt(String line) {
    String s = line.strip();
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  /** The lines of one entry as they are read. */
  private static final class Entry {
    final long line;
    final ProblemList problems;
    boolean horizontal;
    boolean broken;
    boolean cutShort;
    Format format;
    long capacity;
    long usage;
    long congestion;
    Box box;
    String layer;
    int sources;
    boolean sawSources;

    Entry(long line, String type, ProblemList problems) {
      this.line = line;
      this.problems = problems;
      Matcher m = DIRECTION.matcher(type);
      if (m.matches()) {
        horizontal = m.group(1).equalsIgnoreCase("horizontal");
      } else {
        fail("has violation type '" + excerpt(type) + "', which is not a routing congestion");
      }
    }

    boolean complete() {
      return format != null && box != null;
    }

    void read(String detail, long lineNumber, boolean clipped) {
      if (broken) {
        return;
      }
      if (detail.startsWith("srcs:") && !sawSources) {
        sawSources = true;
        // A long list of nets is cut by the line limit: its count is then unknown, not wrong.
        sources = clipped ? -1 : countSources(detail.substring("srcs:".length()));
      } else if (clipped) {
        fail("has a line longer than the line limit (line " + lineNumber + ")");
      } else if (format == null && (detail.startsWith("comment:")
          || detail.startsWith("congestion information:"))) {
        readComment(detail, lineNumber);
      } else if (box == null && detail.startsWith("bbox")) {
        readBox(detail, lineNumber);
      } else {
        fail("has an unexpected line " + lineNumber + ": '" + excerpt(detail) + "'");
      }
    }

    private void readComment(String detail, long lineNumber) {
      Matcher m = COMMENT.matcher(detail);
      if (!m.matches()) {
        fail("has a comment that is not 'capacity:C usage:U congestion:K' (line " + lineNumber
            + ": '" + excerpt(detail) + "')");
        return;
      }
      capacity = Long.parseLong(m.group(2));
      usage = Long.parseLong(m.group(3));
      congestion = Long.parseLong(m.group(5));
      if (m.group(1).equals("congestion information")) {
        format = Format.INFORMATION_OVERFLOW;
      } else {
        format = m.group(4).equals("overflow") ? Format.COMMENT_OVERFLOW
            : Format.COMMENT_CONGESTION;
      }
    }

    private void readBox(String detail, long lineNumber) {
      Matcher m = BBOX.matcher(detail);
      if (!m.matches()) {
        fail("has a bbox line that cannot be read (line " + lineNumber + ": '"
            + excerpt(detail) + "')");
        return;
      }
      double x0 = Double.parseDouble(m.group(1));
      double y0 = Double.parseDouble(m.group(2));
      double x1 = Double.parseDouble(m.group(3));
      double y1 = Double.parseDouble(m.group(4));
      if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(x1)
          || !Double.isFinite(y1) || x1 < x0 || y1 < y0) {
        fail("has an empty or inverted bbox (line " + lineNumber + ")");
        return;
      }
      box = new Box(x0, y0, x1, y1);
      layer = m.group(5).equals("-") ? null : m.group(5);
    }

    private static int countSources(String list) {
      String s = list.strip();
      return s.isEmpty() ? 0 : s.split("\\s+").length;
    }

    private void fail(String why) {
      if (!broken) {
        broken = true;
        problems.add("the entry at line " + line + " " + why + "; it is left out");
      }
    }
  }
}
