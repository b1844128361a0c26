package dev.noodle.common.report.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
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

  @Test
  void keepsTheLastFinalCongestionTable() throws IOException {
    String table = """
        [INFO GRT-0096] Final congestion report:
        Layer         Resource        Demand        Usage (%)    Max H / Max V / Total Congestion
        ---------------------------------------------------------------------------------------
        metal2             100            50           50.00%             1 /  2 / 3
        ---------------------------------------------------------------------------------------
        Total              100            50           50.00%             1 /  2 / 3
        """;
    ToolLog log = parse(table + table.replace("50.00%", "60.00%")
        + "[INFO GRT-0018] Total wirelength: 12.5 um\n");

    assertEquals(new RouteLayer("Total", 100, 50, 60.0, 1, 2, 3), log.route().total());
    assertEquals(1, log.route().layers().size());
    assertEquals(12.5, log.route().wirelengthUm());
    assertNull(log.route().routedNets());
  }

  @Test
  void congestionTableCutBeforeItsTotalRowGivesNoTotal() throws IOException {
    ToolLog log = parse("""
        Layer         Resource        Demand        Usage (%)    Max H / Max V / Total Congestion
        ---------------------------------------------------------------------------------------
        metal2             100            50           50.00%             1 /  2 / 3
        """);

    assertNull(log.route());
  }

  @Test
  void countsTestLinesAndNamesTheTestThatCrashed() throws IOException {
    ToolLog log = parse("""
        TEST: a
        [ERROR STA-0564] a positional arguments not supported.
        TEST: b
        Signal 11 received
        Stack trace:
         0# f in /bin/x
         1# g in /bin/x
        """);

    assertEquals(2, log.tests());
    assertEquals("b", log.testAtCrash());
    assertEquals(1, log.crash().lastFrame());
    assertTrue(log.crash().endsInStack());
    assertEquals(List.of("Signal 11 received", "Stack trace:"), log.crash().markers());
  }

  @Test
  void lineAfterTheTraceMeansTheLogDoesNotEndInIt() throws IOException {
    ToolLog log = parse("Signal 11 received\nStack trace:\n 0# f\nSegmentation fault\n");

    assertFalse(log.crash().endsInStack());
    assertEquals(List.of("Signal 11 received", "Stack trace:", "Segmentation fault"),
        log.crash().markers());
  }

  @Test
  void echoOfAnErrorIsKeptAsEchoNotCountedAsError() throws IOException {
    ToolLog log = parse("number instances in verilog is 0\n[ERROR DPL-0012] no rows found.\n"
        + "Error: floorplan.tcl, 111 DPL-0012\n");

    assertEquals(1, log.errors());
    assertEquals(1, log.echoCount());
    assertEquals(0L, log.verilogInstances());
  }
}
