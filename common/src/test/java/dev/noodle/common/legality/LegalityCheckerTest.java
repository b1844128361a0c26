package dev.noodle.common.legality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.study.Study;
import dev.noodle.common.study.StudyFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegalityCheckerTest {
  @TempDir
  Path dir;

  @Test
  void sandboxAllowsEveryEcoClass() {
    LegalityReport report = check("sandbox", "", """
              - eco: upsize_critical
              - eco: buffer_fanout
              - eco: resynthesize
        """);

    assertTrue(report.legal(), report.text());
    assertEquals(List.of(), report.violations());
    assertTrue(report.text().contains("verdict:        LEGAL\n"), report.text());
  }

  @Test
  void guardedForbidsGlobalDisruptiveEcoAndNamesTheFix() {
    LegalityReport report = check("guarded", "", """
              - eco: upsize_critical
              - eco: resynthesize
        """);

    assertEquals(List.of("stages[0].ecos: ECO resynthesize is global_disruptive, which the "
        + "guarded domain forbids; remove it or use safety_domain: sandbox"),
        report.violations());
    assertTrue(report.text().contains("verdict:        ILLEGAL (1 violation)\n"), report.text());
  }

  @Test
  void lockedAllowsOnlyTopologyNeutralEcos() {
    LegalityReport legal = check("locked", "", "      - eco: upsize_critical\n");
    LegalityReport illegal = check("locked", "", """
              - eco: upsize_critical
              - eco: buffer_fanout
        """);

    assertTrue(legal.legal(), legal.text());
    assertEquals(List.of("stages[0].ecos: ECO buffer_fanout is placement_local, which the "
        + "locked domain forbids; remove it or use safety_domain: guarded"),
        illegal.violations());
  }

  @Test
  void stageClassesOutsideTheDomainAreViolations() {
    LegalityReport report = check("locked", "eco_classes: [topology_neutral, placement_local]",
        "      - eco: upsize_critical\n");

    assertEquals(List.of("stages[0].eco_classes: class placement_local is not allowed in the "
        + "locked domain; remove it or choose a wider safety_domain"), report.violations());
  }

  @Test
  void ecoOutsideTheStagesClassesIsAViolation() {
    LegalityReport report = check("guarded", "eco_classes: [topology_neutral]", """
              - eco: upsize_critical
              - eco: buffer_fanout
        """);

    assertEquals(List.of("stages[0].ecos: ECO buffer_fanout is placement_local, not in the "
        + "stage's eco_classes; add the class or remove the ECO"), report.violations());
  }

  @Test
  void resynthesisNeedsRtl() {
    Study study = StudyFiles.load(dir, StudyFiles.MINIMAL
        .replace("name: s1\n", "name: s1\nsafety_domain: sandbox\n")
        .replace("eco: upsize_critical", "eco: resynthesize"));

    LegalityReport report = LegalityChecker.check(study);

    assertEquals(1, report.violations().size(), report.text());
    assertTrue(report.violations().get(0).startsWith("stages[0].ecos: ECO resynthesize "),
        report.violations().get(0));
    assertTrue(report.violations().get(0).contains("design.rtl"), report.violations().get(0));
  }

  @Test
  void moreSurvivorsThanBudgetIsAViolation() {
    Study study = StudyFiles.load(dir, StudyFiles.MINIMAL.replace("survivors: 2",
        "survivors: 5"));

    LegalityReport report = LegalityChecker.check(study);

    assertEquals(List.of("stages[0].survivors: 5 survivors from a budget of 4 trials; lower "
        + "survivors or raise trial_budget"), report.violations());
  }

  @Test
  void reportStatesDomainBudgetsAbortRulesAndEveryViolation() {
    Study study = StudyFiles.load(dir, """
        name: s1
        trial_timeout_seconds: 90
        design:
          top: top
          liberty: lib/cells.lib
          sdc: top.sdc
          netlist: top.v
        stages:
          - name: explore
            trial_budget: 6
            survivors: 2
            abort: { max_failure_rate: 0.25, max_failures: 3, require_improvement: true }
            ecos:
              - eco: resynthesize
              - eco: upsize_critical
                parameters: { paths: [10, 20] }
          - name: polish
            trial_budget: 2
            survivors: 3
            ecos:
              - eco: upsize_critical
        """);

    LegalityReport report = LegalityChecker.check(study);
    String text = report.text();

    assertEquals("s1", report.study());
    assertFalse(report.legal());
    assertEquals(3, report.violations().size(), text);
    for (String part : List.of(
        "Run Legality Report\n",
        "  study:          s1\n",
        "  safety domain:  guarded (allows topology_neutral, placement_local, routing_affecting)",
        "  base case:      top (top top, netlist given)\n",
        "  trial timeout:  90 s\n",
        "an ECO is quarantined after 3 failed trials\n",
        "  stage 0 'explore': budget 6, survivors 2, classes topology_neutral, placement_local,"
            + " routing_affecting\n",
        "      ecos: resynthesize, upsize_critical (3 parameter combinations)\n",
        "      abort: failure rate > 0.25, failures > 3, no WNS improvement\n",
        "  stage 1 'polish': budget 2, survivors 3",
        "      abort: failure rate > 0.5\n",
        "  total budget:   at most 9 trials including the base case\n",
        "  verdict:        ILLEGAL (3 violations)\n",
        "    - stages[0].ecos: ECO resynthesize is global_disruptive",
        "    - stages[0].ecos: ECO resynthesize re-synthesises the RTL but design.rtl is empty",
        "    - stages[1].survivors: 3 survivors from a budget of 2 trials")) {
      assertTrue(text.contains(part), () -> "expected '" + part + "' in:\n" + text);
    }
  }

  private LegalityReport check(String domain, String stageClasses, String ecos) {
    String yaml = """
        name: s1
        safety_domain: %s
        design:
          top: top
          liberty: lib/cells.lib
          sdc: top.sdc
          netlist: top.v
          rtl: [rtl/a.v, rtl/top.v]
        stages:
          - trial_budget: 4
            survivors: 1
            %s
            ecos:
        """.formatted(domain, stageClasses) + ecos;
    return LegalityChecker.check(StudyFiles.load(dir, yaml));
  }
}
