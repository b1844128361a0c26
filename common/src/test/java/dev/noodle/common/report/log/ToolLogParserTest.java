package dev.noodle.common.report.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ToolLogParserTest {
  private static ToolLog parse(String text) throws IOException {
    return ToolLogParser.parse(new StringReader(text), ParseOptions.defaults());
  }

  @Test
  void openStaFormsAreCounted() throws IOException {
    ToolLog log = parse("""
        Warning 1551: lib.lib line 3, unknown attribute.
        Warning: top.v line 5, module x not found. Creating black box.
        Error: top.sdc, 3 unknown command 'create_clok'.
        """);

    assertEquals(2, log.warnings());
    assertEquals(1, log.errors());
    assertEquals(1, log.byId().get("1551"));
    assertEquals(3, log.ending().line());
    assertEquals("top.sdc, 3 unknown command 'create_clok'.", log.ending().text());
  }

  @Test
  void caughtErrorsDoNotEndTheRun() throws IOException {
    ToolLog log = parse("""
        [ERROR STA-0565] write_spef requires one positional argument.
        TEST: next
        [INFO ORD-0001] fine
        """);

    assertEquals(1, log.errors());
    assertNull(log.ending());
  }

  @Test
  void firstErrorOfTheFinalRunEndsIt() throws IOException {
    ToolLog log = parse("""
        [ERROR ODB-0001] first
        [ERROR ODB-0002] second
        Error: flow.tcl, 9 ODB-0001
        ODB-0001
        Command exited with non-zero status 2
        """);

    assertEquals(2, log.errors());
    assertEquals("ODB-0001", log.ending().id());
    assertEquals(2, log.exitStatus());
  }

  @Test
  void yosysErrorAndSegfault() throws IOException {
    ToolLog log = parse("""
        ERROR: Module `top' referenced in module `chip' is not part of the design.
        Segmentation fault (core dumped)
        """);

    assertEquals(1, log.errors());
    assertEquals(Severity.CRASH, log.ending().severity());
    assertNull(log.crash().signal());
    assertEquals(0, log.crash().frameCount());
    assertFalse(log.metrics().containsKey("log_crash_signal"));
    assertEquals(true, log.metrics().get("log_crashed"));
  }

  @Test
  void exitStatusWithoutLineEndIsLeftOut() throws IOException {
    ToolLog log = parse("Command exited with non-zero status 1");

    assertNull(log.exitStatus());
    assertTrue(log.partial());
  }

  @Test
  void cutLogHasNoEnding() throws IOException {
    ToolLog log = ToolLogParser.parse(new StringReader("[ERROR X-1] a\n[INFO Y-2] b\n"),
        new ParseOptions(null, 16));

    assertTrue(log.partial());
    assertNull(log.ending());
    assertEquals(1, log.errors());
  }

  @Test
  void looksLikeALog() {
    assertTrue(ToolLogParser.looksLike("OpenROAD v2.0-21872-gd51df1dea5 \nFeatures"));
    assertTrue(ToolLogParser.looksLike("[INFO ORD-0030] Using 32 thread(s).\n"));
    assertFalse(ToolLogParser.looksLike("{\"a__b\": 1}"));
  }
}
