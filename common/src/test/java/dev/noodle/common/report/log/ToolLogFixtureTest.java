package dev.noodle.common.report.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
