package dev.noodle.common.report;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a tool log line by line, with bounded memory, and picks out errors, warnings and
 * crashes in the forms OpenSTA, OpenROAD and Yosys print them.
 */
public final class LogScanner {
  static final int MAX_KEPT = 20;
  private static final int TAIL = 30;
  private static final int MAX_LINE = 2000;

  /**
   * {@code Error: file, 3 ...} (OpenSTA), {@code [ERROR GRT-0116] ...} (OpenROAD), {@code ERROR: }
   * (Yosys).
   */
  private static final Pattern ERROR = Pattern.compile(
      "^\\s*(Error:|Error \\d+:|\\[ERROR [A-Z]+-\\d+\\]|ERROR:)");
  private static final Pattern WARNING = Pattern.compile(
      "^\\s*(Warning:|Warning \\d+:|\\[WARNING [A-Z]+-\\d+\\]|Warning: )");
  /**
   * OpenSTA's warning that a constraint names a port, pin, cell, net or clock the design does
   * not have, e.g. {@code Warning: top.sdc, 1 port 'clkx' not found.} It only warns and drops
   * the constraint, so a clock on a misspelled port becomes virtual and every path looks met:
   * the measurement means nothing, and the line counts as an error.
   */
  private static final Pattern CONSTRAINT_NOT_FOUND = Pattern.compile(
      "^\\s*Warning: \\S+\\.sdc, \\d+ .* not found\\.?\\s*$");
  private static final Pattern CRASH = Pattern.compile(
      "(Signal \\d+ received|Segmentation fault|core dumped|Stack trace:|terminate called after"
          + "|Aborted \\(core)");

  private final long maxBytes;

  /** A scanner that stops reading after {@code maxBytes} characters. */
  public LogScanner(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Scans the log. Reads at most {@code maxBytes} characters and keeps at most {@link #MAX_KEPT}
   * error lines, the last lines and a prefix of each line, however long the log or its lines.
   */
  public LogScan scan(Reader reader) throws IOException {
    Tally tally = new Tally();
    BoundedLineReader lines = new BoundedLineReader(reader, MAX_LINE, maxBytes);
    String line;
    while ((line = lines.next()) != null) {
      tally.add(lines.lastLineClipped() ? line + " ..." : line);
    }
    return tally.result(lines.truncated());
  }

  /** What the lines read so far showed. */
  private static final class Tally {
    private final List<String> errors = new ArrayList<>();
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private int errorCount;
    private int warningCount;
    private String crash;

    void add(String line) {
      if (ERROR.matcher(line).find() || CONSTRAINT_NOT_FOUND.matcher(line).find()) {
        errorCount++;
        if (errors.size() < MAX_KEPT) {
          errors.add(line.strip());
        }
      } else if (WARNING.matcher(line).find()) {
        warningCount++;
      }
      if (crash == null && CRASH.matcher(line).find()) {
        crash = line.strip();
      }
      tail.addLast(line);
      if (tail.size() > TAIL) {
        tail.removeFirst();
      }
    }

    LogScan result(boolean truncated) {
      return new LogScan(errors, errorCount, warningCount, crash, new ArrayList<>(tail),
          truncated);
    }
  }
}
