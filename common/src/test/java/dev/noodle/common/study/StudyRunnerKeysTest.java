package dev.noodle.common.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study file's {@code runner} and {@code container} keys, and the command-line override. */
class StudyRunnerKeysTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @TempDir
  Path dir;

  @Test
  void withoutRunnerKeysTrialsRunLocally() {
    Study study = StudyFiles.load(dir, StudyFiles.MINIMAL);

    assertEquals(Runner.LOCAL, study.runner());
    assertEquals(Runner.LOCAL, study.stages().get(0).runner());
    assertFalse(study.usesDocker());
  }

  @Test
  void studyRunnerAndLimitsApplyToStagesThatOverrideSomeKeys() {
    Study study = StudyFiles.load(dir, StudyFiles.MINIMAL.replace("stages:\n", """
        runner: docker
        container: {image: noodle-tools:abc, cpus: 2, memory_mb: 4096}
        stages:
          - trial_budget: 1
            survivors: 1
            runner: local
            ecos:
              - eco: upsize_critical
          - trial_budget: 1
            survivors: 1
            container: {memory_mb: 512}
            ecos:
              - eco: upsize_critical
        """));

    assertEquals(new Runner(Runner.Kind.DOCKER, "noodle-tools:abc", 2, 4096), study.runner());
    assertEquals(Runner.Kind.LOCAL, study.stages().get(0).runner().kind());
    assertEquals(new Runner(Runner.Kind.DOCKER, "noodle-tools:abc", 2, 512),
        study.stages().get(1).runner());
    assertEquals(new Runner(Runner.Kind.DOCKER, "noodle-tools:abc", 2, 4096),
        study.stages().get(2).runner());
  }

  @Test
  void anUnknownRunnerIsNamedWithTheChoices() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("stages:\n", "runner: podman\nstages:\n"));

    assertEquals("runner", e.field());
    assertTrue(e.getMessage().contains("unknown runner 'podman'"), e.getMessage());
    assertTrue(e.getMessage().contains("'local'") && e.getMessage().contains("'docker'"),
        e.getMessage());
  }

  @Test
  void dockerWithoutAnImageSaysWhereToGetOne() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("stages:\n", "runner: docker\nstages:\n"));

    assertEquals("container.image", e.field());
    assertTrue(e.getMessage().contains("deploy/images/build.sh"), e.getMessage());
  }

  @Test
  void limitsOutOfRangeNameTheKeyAndValue() {
    StudyException cpus = fails(StudyFiles.MINIMAL.replace("stages:\n",
        "runner: docker\ncontainer: {image: t:1, cpus: 0}\nstages:\n"));
    StudyException memory = fails(StudyFiles.MINIMAL.replace("    survivors: 2\n",
        "    survivors: 2\n    runner: docker\n    container: {image: t:1, memory_mb: 4}\n"));

    assertEquals("container.cpus", cpus.field());
    assertTrue(cpus.getMessage().contains("got 0.0"), cpus.getMessage());
    assertEquals("stages[0].container.memory_mb", memory.field());
    assertTrue(memory.getMessage().contains("got 4"), memory.getMessage());
  }

  @Test
  void theLockedDomainRefusesAnImageNotPinnedByDigest() {
    String locked = StudyFiles.MINIMAL.replace("name: s1\n", "name: s1\nsafety_domain: locked\n");
    StudyException e = fails(locked.replace("stages:\n",
        "runner: docker\ncontainer: {image: noodle-tools:abc}\nstages:\n"));

    assertEquals("container.image", e.field());
    assertTrue(e.getMessage().contains("pinned by digest"), e.getMessage());
    Study pinned = StudyFiles.load(dir, locked.replace("stages:\n",
        "runner: docker\ncontainer: {image: 'noodle-tools@" + DIGEST + "'}\nstages:\n"));
    assertEquals("noodle-tools@" + DIGEST, pinned.stages().get(0).runner().image());
  }

  @Test
  void theCommandLineOverrideSwitchesEveryStage() {
    Study local = StudyFiles.load(dir, StudyFiles.MINIMAL);

    Study docker = local.withRunner(Runner.Kind.DOCKER, "noodle-tools:abc");
    Study back = docker.withRunner(Runner.Kind.LOCAL, null);

    assertTrue(docker.runner().docker());
    assertEquals("noodle-tools:abc", docker.stages().get(0).runner().image());
    assertFalse(back.usesDocker());
    assertThrows(StudyException.class, () -> local.withRunner(Runner.Kind.DOCKER, null));
  }

  @Test
  void pinnedMeansAnIdOrADigest() {
    assertTrue(Runner.pinned(DIGEST));
    assertTrue(Runner.pinned("registry.lab/openroad@" + DIGEST));
    assertFalse(Runner.pinned("noodle-tools:abc"));
    assertFalse(Runner.pinned(null));
    assertNull(Runner.Kind.fromKey("Docker"));
  }

  private StudyException fails(String yaml) {
    return assertThrows(StudyException.class, () -> StudyFiles.load(dir, yaml));
  }
}
