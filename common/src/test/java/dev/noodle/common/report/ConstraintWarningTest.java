package dev.noodle.common.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OpenSTA only warns when a constraint names an object the design lacks, and then times a
 * design that is not the one constrained: such warnings count as errors.
 */
class ConstraintWarningTest {
  @Test
  void sdcObjectNotFoundIsAnError() throws IOException {
    LogScan scan = new LogScanner(1 << 20).scan(new StringReader("""
        Warning: snapshot/top.sdc, 1 port 'clkx' not found.
        Warning: snapshot/top.sdc, 4 pin 'u1/Q' not found.
        Warning: top.sdc, 7 set_input_delay relative to a clock that is not defined.
        """));

    assertEquals(2, scan.errorCount());
    assertEquals(List.of("Warning: snapshot/top.sdc, 1 port 'clkx' not found.",
        "Warning: snapshot/top.sdc, 4 pin 'u1/Q' not found."), scan.errors());
    assertEquals(1, scan.warningCount());
  }

  @Test
  void notFoundOutsideAConstraintFileStaysAWarning() throws IOException {
    LogScan scan = new LogScanner(1 << 20).scan(new StringReader("""
        Warning: design.v, 12 module 'pad' not found.
        Warning: liberty cell 'BUFX9' not found.
        """));

    assertFalse(scan.hasErrors());
    assertEquals(2, scan.warningCount());
  }
}
