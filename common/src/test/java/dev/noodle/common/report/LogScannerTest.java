package dev.noodle.common.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogScannerTest {
  private final LogScanner scanner = new LogScanner(1 << 20);

  @Test
  void openStaErrorIsKeptWithItsFileAndLine() throws IOException {
    LogScan scan = scan("""
        OpenSTA 2.0.17 GPL-3.0
        Error: top.sdc, 3 unknown command 'create_clok'.
        noodle_stage load ok
        """);

    assertTrue(scan.hasErrors());
    assertEquals(1, scan.errorCount());
    assertEquals(List.of("Error: top.sdc, 3 unknown command 'create_clok'."), scan.errors());
    assertNull(scan.crash());
  }

  @Test
  void openRoadAndYosysErrorsAreRecognised() throws IOException {
    LogScan scan = scan("""
        [INFO GRT-0001] Minimum degree: 2
        [ERROR GRT-0116] Global routing finished with congestion.
        ERROR: Module `top' referenced in module `chip' is not part of the design.
          Error 2: something else went wrong
        """);

    assertEquals(3, scan.errorCount());
    assertEquals(List.of("[ERROR GRT-0116] Global routing finished with congestion.",
        "ERROR: Module `top' referenced in module `chip' is not part of the design.",
        "Error 2: something else went wrong"), scan.errors());
  }

  @Test
  void warningsAreCountedButAreNotErrors() throws IOException {
    LogScan scan = scan("""
        Warning: top.sdc, 7 set_input_delay relative to a clock that is not defined.
        [WARNING STA-1173] no liberty cell for BUFX9.
        Warning: Ignoring module `unused'.
        """);

    assertEquals(3, scan.warningCount());
    assertFalse(scan.hasErrors());
  }

  @Test
  void errorWordsInsideALineAreNotErrors() throws IOException {
    LogScan scan = scan("""
        set sta_continue_on_error 0
        checking for ERROR: none found
        puts "Error: in a string"
        """);

    assertFalse(scan.hasErrors());
  }

  @Test
  void firstCrashLineIsKept() throws IOException {
    LogScan scan = scan("""
        noodle_stage load ok
        Signal 11 received
        Segmentation fault (core dumped)
        """);

    assertEquals("Signal 11 received", scan.crash());
    assertEquals("Segmentation fault (core dumped)",
        scan("  Segmentation fault (core dumped)\n").crash());
  }

  @Test
  void keptErrorsAreCappedButAllAreCounted() throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      log.append("Error: top.v, ").append(i).append(" syntax error\n");
    }

    LogScan scan = scan(log.toString());

    assertEquals(50, scan.errorCount());
    assertEquals(LogScanner.MAX_KEPT, scan.errors().size());
    assertEquals("Error: top.v, 0 syntax error", scan.errors().get(0));
  }

  @Test
  void tailKeepsTheLastThirtyLines() throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      log.append("line ").append(i).append("\r\n");
    }

    LogScan scan = scan(log.toString());

    assertEquals(30, scan.tail().size());
    assertEquals("line 70", scan.tail().get(0));
    assertEquals("line 99", scan.tail().get(29));
    assertFalse(scan.truncated());
  }

  @Test
  void lastLineWithoutNewlineIsScanned() throws IOException {
    LogScan scan = scan("ok\nERROR: no newline at the end");

    assertEquals(List.of("ERROR: no newline at the end"), scan.errors());
  }

  @Test
  void logLargerThanTheLimitIsTruncatedAfterReadingOnlyTheLimit() throws IOException {
    GeneratedLog log = new GeneratedLog("Warning: noisy tool output line\n", 1_000_000);

    LogScan scan = new LogScanner(1_000_000).scan(log);

    assertTrue(scan.truncated());
    assertEquals(30, scan.tail().size());
    assertEquals(1_000_000 / 32, scan.warningCount());
  }

  @Test
  void logOfExactlyTheLimitIsNotTruncated() throws IOException {
    LogScan scan = new LogScanner(8).scan(new StringReader("1234567\n"));

    assertFalse(scan.truncated());
    assertEquals(List.of("1234567"), scan.tail());
  }

  @Test
  void endlessLineIsClippedWithoutBufferingIt() throws IOException {
    // Regression: a log line without a newline used to be buffered whole before any limit applied.
    GeneratedLog log = new GeneratedLog("x", 5_000_000);

    LogScan scan = new LogScanner(5_000_000).scan(log);

    assertTrue(scan.truncated());
    assertEquals(List.of(), scan.tail());
  }

  @Test
  void longLineIsClippedToAPrefix() throws IOException {
    LogScan scan = scan("ERROR: " + "y".repeat(10_000) + "\nnext\n");

    String kept = scan.errors().get(0);
    assertEquals(2000 + " ...".length(), kept.length());
    assertTrue(kept.startsWith("ERROR: yyy") && kept.endsWith("y ..."), kept);
    assertEquals("next", scan.tail().get(1));
  }

  private LogScan scan(String text) throws IOException {
    return scanner.scan(new StringReader(text));
  }

  /**
   * An endless log repeating {@code pattern}, produced as it is read. Reading far past the
   * scanner's limit fails the test rather than running the test JVM out of memory.
   */
  private static final class GeneratedLog extends Reader {
    private static final int SLACK = 1 << 20;
    private final String pattern;
    private final long limit;
    private long served;

    GeneratedLog(String pattern, long limit) {
      this.pattern = pattern;
      this.limit = limit;
    }

    @Override
    public int read(char[] buffer, int offset, int count) {
      if (served > limit + SLACK) {
        throw new AssertionError("the scanner read " + served + " characters; its limit is "
            + limit);
      }
      for (int i = 0; i < count; i++) {
        buffer[offset + i] = pattern.charAt((int) ((served + i) % pattern.length()));
      }
      served += count;
      return count;
    }

    @Override
    public void close() {}
  }
}
