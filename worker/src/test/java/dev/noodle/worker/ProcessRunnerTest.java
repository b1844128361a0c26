package dev.noodle.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real processes: exit codes, signals, CPU time and the time limit on a process tree. */
class ProcessRunnerTest {
  @TempDir
  Path dir;

  private ProcessOutcome run(String script, Duration timeout) throws Exception {
    return ProcessRunner.run(List.of("/bin/sh", "-c", script), dir, dir.resolve("out.log"),
        dir.resolve("err.log"), timeout);
  }

  @Test
  void capturesOutputAndExitCode() throws Exception {
    ProcessOutcome o = run("echo hello; echo oops >&2; exit 3", Duration.ofSeconds(10));

    assertEquals(3, o.exitCode());
    assertEquals(0, o.signal());
    assertFalse(o.timedOut());
    assertEquals("hello\n", Files.readString(dir.resolve("out.log")));
    assertEquals("oops\n", Files.readString(dir.resolve("err.log")));
  }

  @Test
  void reportsTheSignalThatKilledTheTool() throws Exception {
    ProcessOutcome o = run("kill -SEGV $$", Duration.ofSeconds(10));

    assertEquals(11, o.signal());
    assertEquals(139, o.exitCode());
  }

  @Test
  void measuresCpuTimeOfTheTool() throws Exception {
    ProcessOutcome o = run("i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done",
        Duration.ofSeconds(60));

    assertEquals(0, o.exitCode());
    assertTrue(o.cpuMillis() > 0, "cpu " + o.cpuMillis());
    assertTrue(o.cpuMillis() <= o.wallMillis() + 50, o.toString());
  }

  @Test
  void timeLimitKillsTheWholeProcessTree() throws Exception {
    Path pids = dir.resolve("pids");
    ProcessOutcome o = run("sleep 300 & echo $! > " + pids + "; sleep 300",
        Duration.ofMillis(500));

    assertTrue(o.timedOut());
    assertEquals(-1, o.exitCode());
    long child = Long.parseLong(Files.readString(pids).strip());
    assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false),
        "the background child " + child + " survived the time limit");
  }
}
