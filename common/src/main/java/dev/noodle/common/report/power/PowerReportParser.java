package dev.noodle.common.report.power;

import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.internal.Numbers;
import dev.noodle.common.report.internal.TerminatedLines;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the group table that OpenSTA's and OpenROAD's {@code report_power} print, alone or
 * inside a longer log or ORFS report: the header, the group rows, the Total row and the row of
 * internal / switching / leakage shares.
 *
 * <p>Every row pattern is anchored on the line's last field, so a line cut short never reads
 * as a smaller number. A table that is cut or broken leaves the report partial. Never throws
 * for bad content, only for a failing reader. Thread-safe (stateless).
 */
public final class PowerReportParser {
  static final int MAX_GROUPS = 64;
  private static final String NUM = "(" + Numbers.DECIMAL + ")";
  private static final Pattern HEADER = Pattern.compile(
      "^\\s*Group\\s+Internal\\s+Switching\\s+Leakage\\s+Total\\s*$");
  private static final Pattern HEAD = Pattern.compile(HEADER.pattern(), Pattern.MULTILINE);
  private static final Pattern UNITS = Pattern.compile(
      "^\\s*Power\\s+Power\\s+Power\\s+Power\\s+\\(([^)]*)\\)\\s*$");
  private static final Pattern DASHES = Pattern.compile("^\\s*-{8,}\\s*$");
  private static final Pattern ROW = Pattern.compile("^(\\S(?:.*?\\S)?)\\s+" + NUM + "\\s+"
      + NUM + "\\s+" + NUM + "\\s+" + NUM + "\\s+" + NUM + "%\\s*$");
  private static final Pattern SHARES = Pattern.compile(
      "^\\s*" + NUM + "%\\s+" + NUM + "%\\s+" + NUM + "%\\s*$");

  private PowerReportParser() {}

  /** Parses a report; {@code options} gives the character limit. */
  public static PowerReport parse(Reader reader, ParseOptions options) throws IOException {
    // A last line without a line end is held back: a cut row is not read.
    TerminatedLines lines = new TerminatedLines(reader, options.maxChars());
    Table table = new Table();
    String line;
    while ((line = lines.next()) != null) {
      table.accept(line, lines.lineNumber());
    }
    return table.finish(lines);
  }

  /** True when the start of a file holds a {@code report_power} table header. */
  public static boolean looksLike(String head) {
    return HEAD.matcher(head).find();
  }

  /** Where the reader is in a table. */
  private enum State { SEEK, UNITS, DASH, ROWS, TOTAL, SHARES }

  /** The table being read and the last complete one. */
  private static final class Table {
    private final List<String> problems = new ArrayList<>();
    private State state = State.SEEK;
    private List<PowerGroup> rows = new ArrayList<>();
    private List<PowerGroup> groups = List.of();
    private PowerGroup total;
    private Double[] shares = new Double[3];
    private int tables;
    private long startLine;
    private boolean partial;

    void accept(String line, long number) {
      if (HEADER.matcher(line).matches()) {
        if (state != State.SEEK && state != State.SHARES) {
          problems.add("The power table at line " + startLine + " stops before its Total row");
          partial = true;
        }
        state = State.UNITS;
        startLine = number;
        rows = new ArrayList<>();
        return;
      }
      Matcher m;
      switch (state) {
        case UNITS -> {
          m = UNITS.matcher(line);
          if (m.matches() && m.group(1).strip().equalsIgnoreCase("Watts")) {
            state = State.DASH;
          } else {
            broken(number, m.matches() ? "is in '" + m.group(1) + "', not Watts"
                : "has no units line");
          }
        }
        case DASH -> {
          if (DASHES.matcher(line).matches()) {
            state = State.ROWS;
          } else {
            broken(number, "has no dash line under its header");
          }
        }
        case ROWS -> readRow(line, number);
        case TOTAL -> readTotal(line, number);
        case SHARES -> {
          m = SHARES.matcher(line);
          if (m.matches()) {
            for (int i = 0; i < 3; i++) {
              shares[i] = Numbers.parse(m.group(i + 1));
            }
          }
          state = State.SEEK;
        }
        default -> { }
      }
    }

    private void readRow(String line, long number) {
      if (DASHES.matcher(line).matches()) {
        state = State.TOTAL;
        return;
      }
      PowerGroup row = row(line);
      if (row == null) {
        broken(number, "has a row that is not five numbers and a percentage: '" + line + "'");
      } else if (rows.size() < MAX_GROUPS) {
        rows.add(row);
      } else {
        broken(number, "has more than " + MAX_GROUPS + " groups");
      }
    }

    private void readTotal(String line, long number) {
      PowerGroup row = row(line);
      if (row == null || !row.name().equals("Total")) {
        broken(number, "has no Total row after its groups");
        return;
      }
      total = row;
      groups = rows;
      shares = new Double[3];
      tables++;
      state = State.SHARES;
    }

    private void broken(long number, String why) {
      problems.add("The power table at line " + startLine + " " + why + " (line " + number
          + "); it was not used");
      partial = true;
      state = State.SEEK;
    }

    private static PowerGroup row(String line) {
      Matcher m = ROW.matcher(line);
      if (!m.matches()) {
        return null;
      }
      return new PowerGroup(m.group(1), Numbers.parse(m.group(2)), Numbers.parse(m.group(3)),
          Numbers.parse(m.group(4)), Numbers.parse(m.group(5)), Numbers.parse(m.group(6)));
    }

    PowerReport finish(TerminatedLines lines) {
      if (lines.droppedUnterminatedLine()) {
        partial = true;
        problems.add("The last line has no line end, so the report was cut there; that line"
            + " was not read");
      }
      if (state == State.SHARES) {
        partial = true;
        problems.add("The report ends before the row of power shares");
      } else if (state != State.SEEK) {
        partial = true;
        problems.add("The report ends inside the power table that starts at line "
            + startLine);
      }
      if (lines.truncated()) {
        partial = true;
        problems.add("Reading stopped at " + lines.charsRead() + " characters");
      }
      if (tables == 0 && problems.isEmpty()) {
        problems.add(lines.sawControlCharacters()
            ? "The input is not text (it holds control characters)"
            : "No report_power table found");
      }
      return new PowerReport(partial, problems, groups, total, shares[0], shares[1],
          shares[2], tables);
    }
  }
}
