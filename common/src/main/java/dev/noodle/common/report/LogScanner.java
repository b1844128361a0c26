package dev.noodle.common.report;

import java.io.BufferedReader;
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

  public LogScan scan(Reader reader) throws IOException {
    List<String> errors = new ArrayList<>();
    ArrayDeque<String> tail = new ArrayDeque<>();
    int errorCount = 0;
    int warningCount = 0;
    String crash = null;
    long read = 0;
    boolean truncated = false;
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    String line;
    while ((line = in.readLine()) != null) {
      read += line.length() + 1;
      if (read > maxBytes) {
        truncated = true;
        break;
      }
      if (line.length() > MAX_LINE) {
        line = line.substring(0, MAX_LINE) + " ...";
      }
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
    return new LogScan(errors, errorCount, warningCount, crash, new ArrayList<>(tail), truncated);
  }
}
