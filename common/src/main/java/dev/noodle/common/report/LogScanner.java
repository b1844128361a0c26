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

  /** {@code Error: file, 3 ...} (OpenSTA), {@code [ERROR GRT-0116] ...} (OpenROAD), {@code ERROR: } (Yosys). */
  private static final Pattern ERROR = Pattern.compile(
      "^\\s*(Error:|Error \\d+:|\\[ERROR [A-Z]+-\\d+\\]|ERROR:)");
  private static final Pattern WARNING = Pattern.compile(
      "^\\s*(Warning:|Warning \\d+:|\\[WARNING [A-Z]+-\\d+\\]|Warning: )");
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
    StringBuilder line = new StringBuilder();
    boolean open = false;
    boolean clipped = false;
    long read = 0;
    char[] buffer = new char[8192];
    int n;
    while ((n = reader.read(buffer)) >= 0) {
      for (int i = 0; i < n; i++) {
        if (++read > maxBytes) {
          return tally.result(true);
        }
        char c = buffer[i];
        if (c == '\n') {
          tally.add(text(line, clipped));
          line.setLength(0);
          open = false;
          clipped = false;
        } else if (line.length() < MAX_LINE) {
          line.append(c);
          open = true;
        } else {
          // The rest of an overlong line is skipped, not buffered: memory stays bounded.
          clipped = true;
        }
      }
    }
    if (open) {
      tally.add(text(line, clipped));
    }
    return tally.result(false);
  }

  private static String text(StringBuilder line, boolean clipped) {
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      end--;
    }
    String text = line.substring(0, end);
    return clipped ? text + " ..." : text;
  }

  /** What the lines read so far showed. */
  private static final class Tally {
    private final List<String> errors = new ArrayList<>();
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private int errorCount;
    private int warningCount;
    private String crash;

    void add(String line) {
      if (ERROR.matcher(line).find()) {
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
