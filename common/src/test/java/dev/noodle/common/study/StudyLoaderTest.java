package dev.noodle.common.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.eco.EcoClass;
import dev.noodle.common.eco.EcoDefinition;
import dev.noodle.common.eco.EcoInstance;
import dev.noodle.common.eco.EcoParameter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyLoaderTest {
  @TempDir
  Path dir;

  @Test
  void minimalStudyLoadsWithDefaults() {
    Study study = StudyFiles.load(dir, StudyFiles.MINIMAL);

    assertEquals("s1", study.name());
    assertEquals("", study.description());
    assertEquals(SafetyDomain.GUARDED, study.domain());
    assertEquals(Duration.ofSeconds(600), study.trialTimeout());
    assertEquals(3, study.containment().maxEcoFailures());
    assertEquals(new Study.Tools("sta", "yosys", null), study.tools());

    Study.Design design = study.design();
    assertEquals("top", design.top());
    assertEquals("top", design.caseName());
    assertEquals(dir.resolve("lib/cells.lib").toAbsolutePath(), design.liberty());
    assertEquals(dir.resolve("top.sdc").toAbsolutePath(), design.sdc());
    assertEquals(dir.resolve("top.v").toAbsolutePath(), design.netlist());
    assertFalse(design.hasRtl());
    assertEquals(Study.Synthesis.OSU018, design.synthesis());

    Stage stage = study.stages().get(0);
    assertEquals(0, stage.index());
    assertEquals("stage0", stage.name());
    assertEquals(4, stage.trialBudget());
    assertEquals(2, stage.survivors());
    assertEquals(SafetyDomain.GUARDED.allowedClasses(), stage.ecoClasses());
    assertEquals(new Stage.AbortRules(0.5, -1, false), stage.abort());
    assertEquals(List.of("upsize_critical(paths=10,steps=1)"), labels(stage.candidates()));
  }

  @Test
  void stageEcoClassesDefaultToTheDomainsClasses() {
    Study study = StudyFiles.load(dir, StudyFiles.MINIMAL.replace("name: s1\n",
        "name: s1\nsafety_domain: locked\n"));

    assertEquals(SafetyDomain.LOCKED, study.domain());
    assertEquals(Set.of(EcoClass.TOPOLOGY_NEUTRAL), study.stages().get(0).ecoClasses());
  }

  @Test
  void explicitSettingsOverrideTheDefaults() {
    Study study = StudyFiles.load(dir, """
        name: tuned-study
        description: Close timing.
        safety_domain: sandbox
        trial_timeout_seconds: 120
        containment:
          max_eco_failures: 5
        tools:
          sta: /opt/sta/bin/sta
          time_unit: ps
        design:
          case: base
          top: top
          liberty: lib/cells.lib
          sdc: top.sdc
          rtl: [rtl/a.v, rtl/top.v]
        stages:
          - name: polish
            trial_budget: 6
            survivors: 1
            eco_classes: [topology_neutral, global_disruptive]
            abort:
              max_failure_rate: 0.25
              max_failures: 2
              require_improvement: true
            ecos:
              - eco: resynthesize
        """);

    assertEquals("Close timing.", study.description());
    assertEquals(SafetyDomain.SANDBOX, study.domain());
    assertEquals(Duration.ofSeconds(120), study.trialTimeout());
    assertEquals(5, study.containment().maxEcoFailures());
    assertEquals(new Study.Tools("/opt/sta/bin/sta", "yosys", "ps"), study.tools());
    assertEquals("base", study.design().caseName());
    assertNull(study.design().netlist());
    assertEquals(List.of(dir.resolve("rtl/a.v").toAbsolutePath(),
        dir.resolve("rtl/top.v").toAbsolutePath()), study.design().rtl());
    Stage stage = study.stages().get(0);
    assertEquals("polish", stage.name());
    assertEquals(Set.of(EcoClass.TOPOLOGY_NEUTRAL, EcoClass.GLOBAL_DISRUPTIVE),
        stage.ecoClasses());
    assertEquals(new Stage.AbortRules(0.25, 2, true), stage.abort());
    assertEquals(List.of("resynthesize(delay_target_ps=2000)"), labels(stage.candidates()));
  }

  @Test
  void sweepsExpandAsCartesianProductWithFirstParameterOutermost() {
    Study study = StudyFiles.load(dir, """
        name: s1
        design:
          top: top
          liberty: lib/cells.lib
          sdc: top.sdc
          netlist: top.v
        stages:
          - trial_budget: 10
            survivors: 2
            ecos:
              - eco: upsize_critical
                parameters: { steps: [3, 1], paths: [50, 10, 200] }
              - eco: buffer_fanout
                parameters:
                  max_fanout: 16
        """);

    assertEquals(List.of(
        "upsize_critical(paths=50,steps=3)",
        "upsize_critical(paths=50,steps=1)",
        "upsize_critical(paths=10,steps=3)",
        "upsize_critical(paths=10,steps=1)",
        "upsize_critical(paths=200,steps=3)",
        "upsize_critical(paths=200,steps=1)",
        "buffer_fanout(max_fanout=16,buffer_drive=4)"),
        labels(study.stages().get(0).candidates()));
  }

  @Test
  void valueListedTwiceInASweepIsTriedOnce() {
    Study study = StudyFiles.load(dir, StudyFiles.MINIMAL + """
                parameters: { paths: [10, 50, 10] }
        """);

    assertEquals(List.of("upsize_critical(paths=10,steps=1)", "upsize_critical(paths=50,steps=1)"),
        labels(study.stages().get(0).candidates()));
  }

  @Test
  void stagesKeepTheirOrderAndIndex() {
    Study study = StudyFiles.load(dir, StudyFiles.MINIMAL + """
          - name: second
            trial_budget: 2
            survivors: 1
            ecos:
              - eco: buffer_fanout
        """);

    assertEquals(List.of("stage0", "second"),
        study.stages().stream().map(Stage::name).toList());
    assertEquals(1, study.stages().get(1).index());
  }

  @Test
  void badIndentationNamesTheLineAndTheYamlProblem() {
    StudyException e = fails("""
        name: s1
        design:
          top: top
           liberty: lib/cells.lib
          sdc: top.sdc
        """);

    assertEquals(4, e.line());
    assertTrue(e.getMessage().startsWith(dir.resolve("study.yaml") + ":4: malformed YAML: "),
        e.getMessage());
    assertContains(e, "mapping values are not allowed here", "fix: ", "indentation");
  }

  @Test
  void unclosedQuoteNamesTheLineWhereTheQuoteOpens() {
    StudyException e = fails("""
        name: s1
        description: 'close timing
        design:
          top: top
        """);

    assertEquals(2, e.line());
    assertContains(e, "study.yaml:2: malformed YAML: ", "quoted scalar", "line 2",
        "unclosed quote");
  }

  @Test
  void unknownTopLevelKeyIsNamedWithItsLineAndTheKnownKeys() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("name: s1\n",
        "name: s1\ntrial_budgett: 3\n"));

    assertEquals(2, e.line());
    assertEquals("trial_budgett", e.field());
    assertContains(e, "study.yaml:2: field 'trial_budgett': unknown key 'trial_budgett'",
        "fix: remove it or use one of: ", "trial_timeout_seconds");
  }

  @Test
  void unknownNestedKeyIsNamedWithItsPathAndLine() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("    survivors: 2\n",
        "    survivors: 2\n    trial_budgett: 8\n"));

    assertEquals(10, e.line());
    assertEquals("stages[0].trial_budgett", e.field());
    assertContains(e, "study.yaml:10:", "unknown key 'trial_budgett'",
        "survivors, trial_budget");
  }

  @Test
  void textWhereWholeNumberExpectedIsRejectedWithTheValue() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("survivors: 2", "survivors: Two"));

    assertEquals(9, e.line());
    assertEquals("stages[0].survivors", e.field());
    assertContains(e, "study.yaml:9: field 'stages[0].survivors': ",
        "expected whole number, got 'Two'", "fix: write a whole number here");
  }

  @Test
  void listWhereMappingExpectedIsRejected() {
    StudyException e = fails("""
        name: s1
        design: [top.v, top.sdc]
        stages: []
        """);

    assertEquals(2, e.line());
    assertEquals("design", e.field());
    assertContains(e, "expected mapping", "got a list", "fix: ");
  }

  @Test
  void mappingWhereListExpectedIsRejected() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("    survivors: 2\n",
        "    survivors: 2\n    eco_classes:\n      topology_neutral: true\n"));

    assertEquals("stages[0].eco_classes", e.field());
    assertEquals(10, e.line());
    assertContains(e, "expected list, got a mapping");
  }

  @Test
  void missingSnapshotFileNamesThePathAndTheFolderItWasLookedFor() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("sdc: top.sdc", "sdc: constr/nope.sdc"));

    assertEquals(5, e.line());
    assertEquals("design.sdc", e.field());
    assertContains(e, "study.yaml:5: field 'design.sdc': file 'constr/nope.sdc' not found",
        dir.resolve("constr/nope.sdc").toString(), "fix: fix the path");
  }

  @Test
  void unknownEcoListsTheCatalog() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("eco: upsize_critical",
        "eco: upsize_everything"));

    assertEquals(11, e.line());
    assertEquals("stages[0].ecos[0].eco", e.field());
    assertContains(e, "unknown ECO 'upsize_everything'", "fix: use one of: ",
        "upsize_critical", "buffer_fanout", "custom_ecos");
  }

  @Test
  void outOfRangeParameterNamesTheRange() {
    StudyException e = fails(StudyFiles.MINIMAL + """
                parameters:
                  paths: 20
                  steps: 7
        """);

    assertEquals(14, e.line());
    assertEquals("stages[0].ecos[0].parameters.steps", e.field());
    assertContains(e,
        "study.yaml:14: field 'stages[0].ecos[0].parameters.steps': parameter 'steps' of "
            + "ECO 'upsize_critical' must be in [1, 3], got 7",
        "fix: use a value in [1, 3]");
  }

  @Test
  void fractionForWholeNumberParameterNamesTheListEntry() {
    StudyException e = fails(StudyFiles.MINIMAL + """
                parameters:
                  paths:
                    - 10
                    - 2.5
        """);

    assertEquals(15, e.line());
    assertEquals("stages[0].ecos[0].parameters.paths[1]", e.field());
    assertContains(e, "must be a whole number, got 2.5");
  }

  @Test
  void textForNumericParameterIsRejected() {
    StudyException e = fails(StudyFiles.MINIMAL + """
                parameters: { paths: ten }
        """);

    assertEquals(12, e.line());
    assertEquals("stages[0].ecos[0].parameters.paths", e.field());
    assertContains(e, "'ten' is not a number", "fix: ");
  }

  @Test
  void parameterTheEcoDoesNotHaveIsRejected() {
    StudyException e = fails(StudyFiles.MINIMAL + """
                parameters: { path: 10 }
        """);

    assertEquals("stages[0].ecos[0].parameters.path", e.field());
    assertContains(e, "ECO 'upsize_critical' has no parameter 'path'",
        "fix: use one of: paths, steps");
  }

  @Test
  void emptyFileIsRejectedWithoutALine() {
    StudyException e = fails("");

    assertEquals(0, e.line());
    assertEquals(dir.resolve("study.yaml") + ": the study file is empty",
        e.getMessage().lines().findFirst().orElseThrow());
    assertContains(e, "fix: ");
  }

  @Test
  void commentOnlyFileCountsAsEmpty() {
    StudyException e = fails("# nothing yet\n\n");

    assertContains(e, "the study file is empty");
  }

  @Test
  void missingNameIsRejected() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("name: s1\n", ""));

    assertEquals("name", e.field());
    assertContains(e, "field 'name': missing", "fix: add a top-level 'name: ");
  }

  @Test
  void missingTopPointsAtTheDesignSection() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("  top: top\n", ""));

    assertEquals(2, e.line());
    assertEquals("design.top", e.field());
    assertContains(e, "study.yaml:2: field 'design.top': missing", "fix: name the top module");
  }

  @Test
  void missingStagesIsRejected() {
    String yaml = StudyFiles.MINIMAL;
    StudyException e = fails(yaml.substring(0, yaml.indexOf("stages:")));

    assertEquals("stages", e.field());
    assertContains(e, "a study needs at least one stage", "fix: ");
  }

  @Test
  void missingStudyFileIsRejected() {
    StudyException e = assertThrows(StudyException.class,
        () -> StudyLoader.load(dir.resolve("absent.yaml")));

    assertContains(e, "absent.yaml", "study file not found");
  }

  @Test
  void unknownSafetyDomainListsTheDomains() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("name: s1\n",
        "name: s1\nsafety_domain: careful\n"));

    assertEquals(2, e.line());
    assertContains(e, "unknown safety domain 'careful'", "sandbox, guarded, locked");
  }

  @Test
  void customEcoLoadsIntoTheCatalogWithTypedParameters() {
    Study study = StudyFiles.load(dir, """
        name: s1
        safety_domain: locked
        custom_ecos:
          - name: swap_vt
            class: topology_neutral
            tcl: eco/swap.tcl
            description: Swap cells to a faster threshold voltage.
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
            ecos:
              - eco: swap_vt
                parameters: { ratio: [0.25, 0.75] }
        """);

    EcoDefinition def = study.catalog().get("swap_vt");
    assertEquals(EcoClass.TOPOLOGY_NEUTRAL, def.ecoClass());
    assertEquals(EcoDefinition.Kind.STA_TCL, def.kind());
    assertEquals(StudyFiles.CUSTOM_TCL, def.body());
    assertEquals(dir.resolve("eco/swap.tcl").toAbsolutePath().toString(), def.source());
    assertEquals("Swap cells to a faster threshold voltage.", def.description());
    assertFalse(study.catalog().get("swap_vt").source().equals("builtin"));
    assertEquals("builtin", study.catalog().get("upsize_critical").source());

    EcoParameter ratio = def.parameter("ratio").orElseThrow();
    assertFalse(ratio.integer());
    assertEquals("[0.1, 0.9]", ratio.rangeText());
    assertEquals(0, ratio.defaultValue().compareTo(new BigDecimal("0.5")));
    EcoParameter group = def.parameter("group").orElseThrow();
    assertTrue(group.integer());
    assertEquals("{1, 2, 4}", group.rangeText());
    assertEquals(1, group.defaultValue().intValueExact());

    assertEquals(List.of("swap_vt(ratio=0.25,group=1)", "swap_vt(ratio=0.75,group=1)"),
        labels(study.stages().get(0).candidates()));
  }

  @Test
  void customEcoMayNotTakeABuiltinName() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("name: s1\n", """
        name: s1
        custom_ecos:
          - name: upsize_critical
            class: topology_neutral
            tcl: eco/swap.tcl
        """));

    assertEquals(3, e.line());
    assertEquals("custom_ecos[0].name", e.field());
    assertContains(e, "ECO name 'upsize_critical' is already taken", "fix: choose a name");
  }

  @Test
  void customEcoDefaultOutsideItsRangeIsRejected() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("name: s1\n", """
        name: s1
        custom_ecos:
          - name: swap_vt
            class: topology_neutral
            tcl: eco/swap.tcl
            parameters:
              - name: ratio
                type: float
                min: 0.1
                max: 0.9
                default: 2
        """));

    assertEquals(11, e.line());
    assertEquals("custom_ecos[0].parameters[0].default", e.field());
    assertContains(e, "default must be in [0.1, 0.9], got 2");
  }

  @Test
  void customEcoValueOutsideItsChoicesIsRejected() {
    StudyException e = fails(StudyFiles.MINIMAL
        .replace("name: s1\n", """
            name: s1
            custom_ecos:
              - name: swap_vt
                class: placement_local
                tcl: eco/swap.tcl
                parameters:
                  - name: group
                    choices: [1, 2, 4]
            """)
        .replace("eco: upsize_critical", "eco: swap_vt\n        parameters: { group: 3 }"));

    assertEquals("stages[0].ecos[0].parameters.group", e.field());
    assertContains(e, "must be one of {1, 2, 4}, got 3");
  }

  @Test
  void customEcoWithUnknownClassIsRejected() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("name: s1\n", """
        name: s1
        custom_ecos:
          - name: swap_vt
            class: harmless
            tcl: eco/swap.tcl
        """));

    assertEquals(4, e.line());
    assertEquals("custom_ecos[0].class", e.field());
    assertContains(e, "unknown ECO class 'harmless'", "topology_neutral");
  }

  @Test
  void numberTooLargeForItsFieldSaysSo() {
    StudyException e = fails(StudyFiles.MINIMAL.replace("name: s1\n",
        "name: s1\ntrial_timeout_seconds: 99999999999999999999\n"));

    assertEquals(2, e.line());
    assertContains(e, "trial_timeout_seconds", "'99999999999999999999' is too large",
        "docs/study-file.md");
  }

  @Test
  void folderGivenAsAFileIsNamedAsAFolder() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("build"));
    StudyException e = fails(StudyFiles.MINIMAL.replace("netlist: top.v", "netlist: build"));

    assertContains(e, "design.netlist", "'build' is a folder, not a file");
  }

  private StudyException fails(String yaml) {
    return assertThrows(StudyException.class, () -> StudyFiles.load(dir, yaml));
  }

  private static void assertContains(StudyException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part),
          () -> "expected '" + part + "' in:\n" + e.getMessage());
    }
  }

  private static List<String> labels(List<EcoInstance> instances) {
    return instances.stream().map(EcoInstance::label).toList();
  }
}
