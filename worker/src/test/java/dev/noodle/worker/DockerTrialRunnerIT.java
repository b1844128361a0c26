package dev.noodle.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.eco.EcoInstance;
import dev.noodle.common.trial.ContainerRecord;
import dev.noodle.common.trial.ContainerSpec;
import dev.noodle.common.trial.FailureType;
import dev.noodle.common.trial.StepRecord;
import dev.noodle.common.trial.ToolStep;
import dev.noodle.common.trial.TrialResult;
import dev.noodle.common.trial.TrialSpec;
import dev.noodle.worker.docker.ToolImageUnderTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trials in containers of the real tool image on the real Docker engine. */
class DockerTrialRunnerIT {
  private static DockerEngine engine;
  private static ContainerSpec container;

  @TempDir
  Path tmp;

  @BeforeAll
  static void engineAndImage() throws IOException {
    engine = ToolImageUnderTest.engine();
    String image = ToolImageUnderTest.image();
    String id = engine.inspect(image).orElseThrow().id();
    container = new ContainerSpec(image, id, 1, 256);
  }

  @AfterEach
  void noContainerLeftBehind() throws IOException {
    assertEquals(List.of(), engine.trialContainers(), "containers left behind");
  }

  @Test
  void writingTheSnapshotFailsAndIsClassified() throws IOException {
    TrialResult r = run(step("write", "sh", "-c", "echo edited > snapshot/base.v"), 60,
        container);

    assertEquals(FailureType.TOOL_ERROR, r.failure().type());
    assertTrue(r.failure().reason().contains("exit"), r.failure().reason());
    assertEquals("module base;\n", Files.readString(tmp.resolve("snap/base.v")));
    String stderr = Files.readString(Path.of(r.workDir()).resolve("write.stderr.log"));
    assertTrue(stderr.contains("Read-only file system"), stderr);
  }

  @Test
  void theContainerHasNoNetwork() throws IOException {
    TrialResult r = run(step("net", "sh", "-c", "ls /sys/class/net"), 60, container);

    String interfaces = Files.readString(Path.of(r.workDir()).resolve("net.stdout.log"));
    assertEquals("lo", interfaces.strip());
    assertEquals("none", r.steps().get(0).container().network());
  }

  @Test
  void anEcoThatAllocatesUntilTheLimitIsOom() throws IOException {
    ToolStep grow = new ToolStep("grow", "sta", "sta", List.of("-no_splash", "-exit", "{script}"),
        List.of("-version"), "grow.tcl",
        "set s x\nwhile {1} { append s [string repeat x 1000000] }\n", false, Map.of());

    TrialResult r = run(grow, 120, new ContainerSpec(container.image(), container.imageId(), 1,
        64));

    assertEquals(FailureType.OOM, r.failure().type(), r.failure().reason());
    assertTrue(r.failure().type().countsAgainstEco());
    assertTrue(r.steps().get(0).oomKilled());
  }

  @Test
  void aSegfaultIsAToolCrashWithSignal11() {
    TrialResult r = run(step("crash", "sh", "-c", "kill -SEGV $$"), 60, container);

    assertEquals(FailureType.TOOL_CRASH, r.failure().type());
    assertEquals(11, r.steps().get(0).signal());
    assertEquals(139, r.steps().get(0).exitCode());
    assertTrue(r.failure().reason().contains("SIGSEGV"), r.failure().reason());
  }

  @Test
  void aTrialThatNeverEndsTimesOut() {
    long t0 = System.nanoTime();
    TrialResult r = run(step("forever", "sh", "-c", "sleep 600"), 3, container);
    long seconds = (System.nanoTime() - t0) / 1_000_000_000;

    assertEquals(FailureType.TIMEOUT, r.failure().type());
    assertTrue(r.steps().get(0).timedOut());
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  @Test
  void provenanceNamesImageVersionMountsAndLimits() {
    TrialResult r = run(step("version", "sta", "-no_splash", "-exit", "/dev/null"), 60,
        container);

    StepRecord step = r.steps().get(0);
    assertEquals(0, step.exitCode());
    assertEquals("2.0.17", step.toolVersion());
    ContainerRecord c = step.container();
    assertEquals(container.imageId(), c.imageId());
    assertNull(c.repoDigest(), "an imported image has no repo digest");
    assertEquals(256, c.memoryMb());
    assertEquals(1.0, c.cpus());
    assertFalse(c.user().startsWith("0:"), c.user());
    assertTrue(c.mounts().stream().anyMatch(m -> m.endsWith(":/work:rw")), c.mounts().toString());
    assertTrue(c.mounts().stream().anyMatch(m -> m.endsWith(":ro")), c.mounts().toString());
    assertNotNull(c.environment().get("HOME"));
  }

  @Test
  void anUnreachableDaemonIsInfrastructure() {
    DockerEngine nowhere = DockerEngine.at("tcp://127.0.0.1:1");
    TrialExecutor executor = new TrialExecutor(tmp.resolve("work"), "node", "host",
        SnapshotSource.local(), () -> new DockerTrialRunner(nowhere));

    TrialResult r = executor.execute(spec(step("any", "sh", "-c", "true"), 60, container), 1);

    assertEquals(FailureType.INFRASTRUCTURE, r.failure().type());
    assertFalse(r.failure().type().countsAgainstEco());
  }

  private TrialResult run(ToolStep step, long timeoutSeconds, ContainerSpec c) {
    TrialExecutor executor = new TrialExecutor(tmp.resolve("work"), "node", "host",
        SnapshotSource.local(), () -> new DockerTrialRunner(engine));
    return executor.execute(spec(step, timeoutSeconds, c), 1);
  }

  private TrialSpec spec(ToolStep step, long timeoutSeconds, ContainerSpec c) {
    Path snap = tmp.resolve("snap");
    try {
      Files.createDirectories(snap);
      Files.writeString(snap.resolve("base.v"), "module base;\n");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new TrialSpec("dockerit", "case_" + step.name(), null, 0, 0,
        List.of(new EcoInstance("probe", Map.of())), snap.toString(), "0".repeat(64), Map.of(),
        List.of(step), timeoutSeconds, "ns", "netlist.v", false, c);
  }

  private static ToolStep step(String name, String executable, String... args) {
    return new ToolStep(name, name, executable, List.of(args), List.of("-version"),
        name + ".script", "", false, Map.of());
  }
}
