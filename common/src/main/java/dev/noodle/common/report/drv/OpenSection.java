package dev.noodle.common.report.drv;

import static dev.noodle.common.report.drv.DrvPatterns.DASHES;

import dev.noodle.common.report.internal.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** A check section being read: its table rows or verbose blocks. */
final class OpenSection {
  private enum State { HEADED, TABLE_DASH, TABLE, BLOCK, BETWEEN_BLOCKS }

  private final String check;
  private final long line;
  private final DrvScan scan;
  private final List<DrvRow> rows = new ArrayList<>();
  private State state = State.HEADED;
  private boolean verbose;
  private int rowCount;
  private int violators;
  private Double worst;
  private boolean rowsCut;
  private String blockPin;
  private long blockLine;
  private Double blockLimit;
  private Double blockValue;

  OpenSection(String check, long line, DrvScan scan) {
    this.check = check;
    this.line = line;
    this.scan = scan;
  }

  /** Takes the line when it belongs to this section; false when the section has ended. */
  boolean accept(String text, long number) {
    boolean blank = text.isBlank();
    Matcher m;
    switch (state) {
      case HEADED:
        if (blank) {
          return true;
        }
        if (DrvPatterns.TABLE_HEADER.matcher(text).matches()) {
          state = State.TABLE_DASH;
          return true;
        }
        return startBlock(text, number);
      case TABLE_DASH:
        if (DASHES.matcher(text).matches()) {
          state = State.TABLE;
          return true;
        }
        scan.problem("The " + check + " table at line " + line + " has no dash line");
        return false;
      case TABLE:
        if (blank) {
          return true;
        }
        m = DrvPatterns.ROW.matcher(text);
        if (!m.matches()) {
          return false;
        }
        add(new DrvRow(m.group(1), Numbers.parse(m.group(2)), Numbers.parse(m.group(3)),
            Numbers.parse(m.group(4)), m.group(5).equals("VIOLATED"), number));
        return true;
      case BLOCK:
        return blockLine(text, number);
      default:
        return blank || startBlock(text, number);
    }
  }

  private boolean startBlock(String text, long number) {
    Matcher m = DrvPatterns.PIN.matcher(text);
    if (!m.matches()) {
      return false;
    }
    verbose = true;
    state = State.BLOCK;
    blockPin = m.group(1);
    blockLine = number;
    blockLimit = null;
    blockValue = null;
    return true;
  }

  private boolean blockLine(String text, long number) {
    Matcher m;
    if ((m = DrvPatterns.LIMIT.matcher(text)).matches()) {
      blockLimit = Numbers.parse(m.group(1));
    } else if ((m = DrvPatterns.VALUE.matcher(text)).matches()) {
      blockValue = Numbers.parse(m.group(1));
    } else if (DASHES.matcher(text).matches()) {
      return true;
    } else if ((m = DrvPatterns.SLACK.matcher(text)).matches() && blockValue != null) {
      add(new DrvRow(blockPin, blockLimit, blockValue, Numbers.parse(m.group(1)),
          m.group(2).equals("VIOLATED"), number));
      state = State.BETWEEN_BLOCKS;
    } else {
      scan.problem("The " + check + " block for pin " + blockPin + " at line " + blockLine
          + " stops before its Slack line");
      state = State.BETWEEN_BLOCKS;
      return false;
    }
    return true;
  }

  private void add(DrvRow row) {
    rowCount++;
    if (row.violated()) {
      violators++;
    }
    if (worst == null || row.slack() < worst) {
      worst = row.slack();
    }
    if (scan.keepRow()) {
      rows.add(row);
    } else {
      rowsCut = true;
    }
  }

  /** Called when the input ends while the section is open. */
  void finishAtEnd() {
    if (state == State.BLOCK) {
      scan.problem("The report ends inside the " + check + " block for pin " + blockPin
          + " at line " + blockLine);
    } else if (state == State.HEADED || state == State.TABLE_DASH) {
      scan.problem("The report ends after the " + check + " heading at line " + line);
    }
  }

  /** The finished section, or null when no complete row was read under the heading. */
  DrvSection build() {
    if (rowCount == 0) {
      return null;
    }
    return new DrvSection(check, line, verbose, rows, rowCount, violators, worst, rowsCut);
  }
}
