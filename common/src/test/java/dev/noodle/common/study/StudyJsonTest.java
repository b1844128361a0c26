package dev.noodle.common.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noodle.common.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study stored in the cluster as JSON reads back as the same study on any machine. */
class StudyJsonTest {
  @TempDir
  Path dir;

  @Test
  void studyWithCustomEcoSurvivesJson() {
    Study study = StudyFiles.load(dir, """
        name: s1
        safety_domain: sandbox
        trial_timeout_seconds: 90
        custom_ecos:
          - name: swap_vt
            class: topology_neutral
            tcl: eco/swap.tcl
            parameters:
              - name: ratio
                type: float
                min: 0.1
                max: 0.9
                default: 0.5
              - name: group
                choices: [4, 1, 2]
        design:
          top: top
          liberty: lib/cells.lib
          sdc: top.sdc
          netlist: top.v
        stages:
          - trial_budget: 4
            survivors: 1
            abort: { max_failures: 2, require_improvement: true }
            ecos:
              - eco: swap_vt
                parameters: { ratio: [0.25, 0.75] }
          - trial_budget: 2
            survivors: 1
            ecos:
              - eco: upsize_critical
                parameters: { paths: [5, 10] }
        """);

    Study back = Json.read(Json.write(study), Study.class);

    assertEquals(study, back);
    assertEquals(study.catalog().get("swap_vt").body(), back.catalog().get("swap_vt").body());
  }
}
