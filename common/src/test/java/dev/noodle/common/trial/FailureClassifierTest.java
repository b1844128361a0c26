package dev.noodle.common.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.LogScan;
import dev.noodle.common.report.LogScanner;
import dev.noodle.common.report.StaReportParser;
import dev.noodle.common.report.TimingReading;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {
  private static final String CLEAN_LOG = "noodle_stage load ok\nnoodle_done\n";

  @Test
  void timeoutWinsOverEverythingElse() throws IOException {
    Failure f = FailureClassifier.classify(step(137, 9, true), log("Error: x, 1 bad\n"), 600);

    assertEquals(FailureType.TIMEOUT, f.type());
    assertTrue(f.reason().contains("600 s time limit"), f.reason());
    assertTrue(f.countsAgainstEco());
  }

  @Test
  void aContainerKilledAtItsMemoryLimitIsOomNotASignal() throws IOException {
    ContainerRecord container = new ContainerRecord("noodle-tools:abc", "sha256:1", null, "c",
        "1000:1000", "/work", List.of(), java.util.Map.of(), 1, 256, "none");
    StepRecord s = new StepRecord("sta", "sta", "2.0.17", List.of("sta"), 137, 9, false, 10, 5,
        "abc", true, container);

    Failure f = FailureClassifier.classify(s, log(CLEAN_LOG), 600);

    assertEquals(FailureType.OOM, f.type());
    assertEquals("sta (step sta) was killed at its container's memory limit of 256 MiB",
        f.reason());
    assertTrue(f.countsAgainstEco());
    assertEquals(f, FailureClassifier.classify(s, log(CLEAN_LOG), 600));
  }

  @Test
  void signalElevenIsACrashNamedSigsegv() throws IOException {
    Failure f = FailureClassifier.classify(step(139, 11, false), log(CLEAN_LOG), 600);

    assertEquals(FailureType.TOOL_CRASH, f.type());
    assertEquals(FailureType.Severity.CRITICAL, f.severity());
    assertEquals("sta (step sta) was killed by signal 11 (SIGSEGV)", f.reason());
  }

  @Test
  void crashLineIsACrashEvenWithExitCodeZero() throws IOException {
    Failure f = FailureClassifier.classify(step(0, 0, false),
        log("noodle_stage load ok\nSignal 11 received\nStack trace:\n"), 600);

    assertEquals(FailureType.TOOL_CRASH, f.type());
    assertTrue(f.reason().endsWith("crashed: Signal 11 received"), f.reason());
    assertTrue(f.excerpt().contains("Stack trace:"), f.excerpt());
  }

  @Test
  void errorLineFailsTheRunEvenWithExitCodeZero() throws IOException {
    // OpenSTA 2.0.17 exits 0 after errors and then reports slack that means nothing.
    Failure f = FailureClassifier.classify(step(0, 0, false), log("""
        Error: top.sdc, 3 unknown command 'create_clok'.
        Error: top.sdc, 4 clock clk not found.
        wns 0.000
        noodle_done
        """), 600);

    assertEquals(FailureType.TOOL_ERROR, f.type());
    assertEquals("sta (step sta) reported an error (and 1 more) with exit code 0: "
        + "Error: top.sdc, 3 unknown command 'create_clok'.", f.reason());
    assertEquals("Error: top.sdc, 3 unknown command 'create_clok'.\n"
        + "Error: top.sdc, 4 clock clk not found.", f.excerpt());
  }

  @Test
  void ecoScriptRefusingItsParametersIsIllegalParameters() throws IOException {
    Failure f = FailureClassifier.classify(step(0, 0, false), log(
        "Error: trial.tcl, 212 noodle_error eco: noodle_param(steps)=7 outside 1..3\n"), 600);

    assertEquals(FailureType.ILLEGAL_PARAMETERS, f.type());
    assertTrue(f.reason().contains("noodle_param(steps)=7"), f.reason());
  }

  @Test
  void commandNotFoundIsInfrastructureAndSparesTheEco() throws IOException {
    Failure f = FailureClassifier.classify(step(127, 0, false), log(""), 600);

    assertEquals(FailureType.INFRASTRUCTURE, f.type());
    assertFalse(f.countsAgainstEco());
    assertTrue(f.reason().contains("could not be started"), f.reason());
  }

  @Test
  void nonZeroExitIsAToolError() throws IOException {
    Failure f = FailureClassifier.classify(step(1, 0, false), log("partial output\n"), 600);

    assertEquals(FailureType.TOOL_ERROR, f.type());
    assertEquals("sta (step sta) exited with code 1", f.reason());
    assertEquals("partial output", f.excerpt());
    assertTrue(f.countsAgainstEco());
  }

  @Test
  void cleanRunIsNoFailure() throws IOException {
    assertNull(FailureClassifier.classify(step(0, 0, false),
        log("Warning: something harmless\n" + CLEAN_LOG), 600));
  }

  @Test
  void missingReportIsMissingOutput() throws IOException {
    TimingReading reading = StaReportParser.parse(new StringReader("wns -1\n"), "ns");

    Failure f = FailureClassifier.classify(reading, log("wns -1\n"));

    assertEquals(FailureType.MISSING_OUTPUT, f.type());
    assertEquals(reading.problem(), f.reason());
  }

  @Test
  void unreadableReportIsParseFailure() throws IOException {
    TimingReading reading = StaReportParser.parse(
        new StringReader("wns -1\ntns -2\nnoodle_done\n"), null);

    Failure f = FailureClassifier.classify(reading, log(CLEAN_LOG));

    assertEquals(FailureType.PARSE_FAILURE, f.type());
    assertTrue(f.reason().contains("time unit"), f.reason());
  }

  @Test
  void readableReportIsNoFailure() throws IOException {
    TimingReading reading = StaReportParser.parse(
        new StringReader("wns -1\ntns -2\nnoodle_done\n"), "ns");

    assertNull(FailureClassifier.classify(reading, log(CLEAN_LOG)));
  }

  private static StepRecord step(int exitCode, int signal, boolean timedOut) {
    return new StepRecord("sta", "sta", "2.0.17", List.of("sta", "-exit", "trial.tcl"),
        exitCode, signal, timedOut, 1200, 1100, "abc123");
  }

  private static LogScan log(String text) throws IOException {
    return new LogScanner(1 << 20).scan(new StringReader(text));
  }
}
