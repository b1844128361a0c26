package dev.noodle.common.report.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.Fixtures;
import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolLogFixtureTest {
  private static ToolLog parse(String file) throws IOException {
    try (Reader in = Fixtures.open(file)) {
      return ToolLogParser.parse(in, ParseOptions.defaults());
    }
  }

  @Test
  void globalRouteCongestionErrorEndsTheRun() throws IOException {
    ToolLog log = parse("logs/openroad-grt_congestion5_error-grt-0116.log");

    assertFalse(log.partial());
    assertEquals(1, log.errors());
    assertEquals(1, log.warnings());
    assertEquals(84, log.infos());
    assertEquals(1, log.byId().get("GRT-0300"));
    assertEquals(new LogMessage(118, Severity.ERROR, "GRT-0116",
        "Global routing finished with congestion. Check the congestion regions in the DRC"
            + " Viewer."), log.ending());
    assertNull(log.crash());
    assertEquals(false, log.metrics().get("log_crashed"));
    assertEquals("GRT-0116", log.metrics().get("log_ending_id"));
  }

  @Test
  void commandsWithoutLoadCrashWithSignal11() throws IOException {
    ToolLog log = parse("logs/openroad_commands-without-load_signal11.log");
    Crash crash = log.crash();

    assertEquals(113, log.errors());
    assertEquals(3, log.warnings());
    assertEquals(1, log.infos());
    assertEquals(27, log.byId().get("STA-0565"));
    assertEquals(27, log.byId().get("STA-0564"));
    assertEquals(8, log.byId().get("STA-1570"));
    assertEquals(172, crash.line());
    assertEquals(11, crash.signal());
    assertEquals(17, crash.frameCount());
    assertEquals(List.of("odb::dbChip::getBlock() in /workspace/9ORFS/tools/OpenROAD/build/bin/"
            + "openroad", "dpl::Opendp::importDb() in /workspace/9ORFS/tools/OpenROAD/build/bin/"
            + "openroad", "dpl::Opendp::negotiationLegalize(bool) in /workspace/9ORFS/tools/"
            + "OpenROAD/build/bin/openroad"), crash.firstFrames().subList(2, 5));
    assertEquals(new LogMessage(172, Severity.CRASH, null, "Signal 11 received"), log.ending());
    assertEquals(11, log.metrics().get("log_crash_signal"));
    assertEquals(17, log.metrics().get("log_stack_frames"));
    assertEquals(113, log.metrics().get("log_errors"));
    assertNull(log.exitStatus());
  }

  @Test
  void floorplanLogEndsWithDpl0012AndExitStatus1() throws IOException {
    ToolLog log = parse("logs/orfs_asap7-credit-bft_2_1_floorplan_error-dpl-0012.log");

    assertEquals(1, log.errors());
    assertEquals(2, log.warnings());
    assertEquals(4, log.infos());
    assertEquals(1, log.byId().get("STA-0349"));
    assertEquals(1, log.byId().get("IFP-0028"));
    assertEquals(new LogMessage(20, Severity.ERROR, "DPL-0012", "no rows found."),
        log.ending());
    assertEquals(1, log.exitStatus());
    assertEquals(188600L, log.peakMemoryKb());
    assertEquals("0:00.82", log.elapsed());
    assertNull(log.crash());
    assertEquals(1, log.metrics().get("log_exit_status"));
  }

  @Test
  void globalRouteLogHasItsFinalCongestionTableWirelengthAndEcho() throws IOException {
    ToolLog log = parse("logs/openroad-grt_congestion5_error-grt-0116.log");
    RouteSummary route = log.route();

    assertEquals(new RouteLayer("Total", 4794, 3777, 78.79, 11, 4, 1459), route.total());
    assertEquals(10, route.layers().size());
    assertEquals(new RouteLayer("metal2", 4794, 2573, 53.67, 2, 3, 255), route.layers().get(1));
    assertEquals(new RouteLayer("metal3", 0, 1198, 0.0, 8, 1, 1198), route.layers().get(2));
    assertEquals(new RouteLayer("metal5", 0, 6, 0.0, 1, 0, 6), route.layers().get(4));
    // The Total row's Max H and Max V are the sums of the layers' maxima.
    assertEquals(11, route.layers().stream().mapToLong(RouteLayer::maxH).sum());
    assertEquals(4, route.layers().stream().mapToLong(RouteLayer::maxV).sum());
    assertEquals(15962.0, route.wirelengthUm());
    assertEquals(563L, route.routedNets());
    assertEquals(List.of(new LogMessage(119, Severity.ERROR, "GRT-0116", "GRT-0116")),
        log.echoes());
    assertEquals(1459L, log.metrics().get("log_grt_total_congestion"));
    assertEquals(78.79, log.metrics().get("log_grt_usage_percent"));
    assertEquals(15962.0, log.metrics().get("log_grt_wirelength_um"));
    assertEquals(563L, log.metrics().get("log_grt_routed_nets"));
    assertEquals(1, log.metrics().get("log_echo_lines"));
  }

  @Test
  void harnessLogCrashesAfterItsLastTestAndEndsWithFrame16() throws IOException {
    ToolLog log = parse("logs/openroad_commands-without-load_signal11.log");
    Crash crash = log.crash();

    assertEquals(54, log.tests());
    assertEquals("negotiation_legalize", log.lastTest());
    assertEquals("negotiation_legalize", log.testAtCrash());
    // No "Segmentation fault" line: the crash shows as the signal and the trace only.
    assertEquals(List.of("Signal 11 received", "Stack trace:"), crash.markers());
    assertEquals(16, crash.lastFrame());
    assertTrue(crash.endsInStack());
    assertEquals(54, log.metrics().get("log_test_lines"));
    assertEquals(true, log.metrics().get("log_ends_in_stack_trace"));
  }

  @Test
  void floorplanLogShowsItsCauseAndTheEchoOfTheError() throws IOException {
    ToolLog log = parse("logs/orfs_asap7-credit-bft_2_1_floorplan_error-dpl-0012.log");

    assertEquals(0L, log.verilogInstances());
    assertEquals(0L, log.metrics().get("log_verilog_instances"));
    assertEquals(List.of(new LogMessage(21, Severity.ERROR, "DPL-0012",
        "Error: floorplan.tcl, 111 DPL-0012")), log.echoes());
    assertNull(log.route());
  }
}
