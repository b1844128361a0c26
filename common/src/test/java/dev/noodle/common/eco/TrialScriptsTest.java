package dev.noodle.common.eco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.study.Snapshot;
import dev.noodle.common.study.Study;
import dev.noodle.common.study.StudyFiles;
import dev.noodle.common.trial.ToolStep;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialScriptsTest {
  private static final EcoInstance NOOP = EcoCatalog.noopInstance();
  private static final EcoInstance UPSIZE = instance("upsize_critical", "paths", "50", "steps",
      "2.0");
  private static final EcoInstance BUFFER = instance("buffer_fanout", "max_fanout", "16",
      "buffer_drive", "2");
  private static final EcoInstance SWAP = instance("swap_vt", "ratio", "0.250");

  @TempDir
  Path dir;
  private Study study;
  private Snapshot snap;

  @BeforeEach
  void loadStudy() {
    study = StudyFiles.load(dir, """
        name: s1
        safety_domain: sandbox
        custom_ecos:
          - name: swap_vt
            class: topology_neutral
            tcl: eco/swap.tcl
            parameters:
              - { name: ratio, type: float, min: 0, max: 1, default: 0.5 }
        design:
          top: top
          liberty: lib/cells.lib
          sdc: top.sdc
          rtl: [rtl/a.v, rtl/top.v]
        stages:
          - trial_budget: 4
            survivors: 1
            ecos:
              - eco: upsize_critical
        """);
    snap = new Snapshot("/snap", "top", "/snap/top.v", "/snap/top.sdc", "/snap/cells.lib",
        List.of("/snap/rtl/a.v", "/snap/rtl/top.v"), "abc123", java.util.Map.of());
  }

  @Test
  void noopChainIsOneTimingStepThatLoadsAndReports() {
    List<ToolStep> steps = TrialScripts.render(study, snap, List.of(NOOP));

    assertEquals(1, steps.size());
    ToolStep sta = steps.get(0);
    assertEquals("sta", sta.name());
    assertEquals("sta", sta.tool());
    assertTrue(sta.timingReport());
    assertEquals("trial.tcl", sta.scriptName());
    assertEquals(List.of("sta", "-no_splash", "-exit", "/work/trial.tcl"),
        sta.command("/work/trial.tcl"));
    String script = sta.script();
    assertTrue(script.contains("set noodle_netlist {/snap/top.v}\n"), script);
    assertTrue(script.contains("set noodle_liberty {/snap/cells.lib}\n"), script);
    assertTrue(script.contains("set noodle_sdc {/snap/top.sdc}\n"), script);
    assertTrue(script.contains("set noodle_out_netlist {netlist.v}\n"), script);
    assertTrue(script.contains(EcoCatalog.resource("load.tcl")), "load.tcl missing");
    assertTrue(script.endsWith(EcoCatalog.resource("report.tcl")), "report.tcl not last");
    assertFalse(script.contains("noodle_param("), script);
  }

  @Test
  void ecoParametersAreSetAsRenderedNumbersBeforeEachBodyInChainOrder() {
    String script = TrialScripts.render(study, snap, List.of(NOOP, UPSIZE, SWAP)).get(0)
        .script();

    int upsize = script.indexOf("# ---- ECO 2: upsize_critical(paths=50,steps=2)\n"
        + "array unset noodle_param\n"
        + "set noodle_param(paths) 50\n"
        + "set noodle_param(steps) 2\n"
        + EcoCatalog.resource("eco_upsize_critical.tcl"));
    int swap = script.indexOf("# ---- ECO 3: swap_vt(ratio=0.25)\n"
        + "array unset noodle_param\n"
        + "set noodle_param(ratio) 0.25\n"
        + StudyFiles.CUSTOM_TCL);
    int load = script.indexOf(EcoCatalog.resource("load.tcl"));
    int report = script.indexOf(EcoCatalog.resource("report.tcl"));
    assertTrue(load >= 0 && load < upsize && upsize < swap && swap < report, script);
  }

  @Test
  void resynthesisRunsYosysFirstAndTimesOnlyTheLaterEcos() {
    List<ToolStep> steps = TrialScripts.render(study, snap,
        List.of(UPSIZE, instance("resynthesize", "delay_target_ps", "3000"), BUFFER));

    assertEquals(List.of("yosys", "sta"), steps.stream().map(ToolStep::tool).toList());
    ToolStep yosys = steps.get(0);
    assertEquals("resynth.ys", yosys.scriptName());
    assertFalse(yosys.timingReport());
    assertTrue(yosys.script().contains("abc -D 3000 -constr resynth.abc.constr "), yosys.script());
    assertTrue(yosys.script().contains("read_verilog \"/snap/rtl/a.v\" \"/snap/rtl/top.v\"\n"),
        yosys.script());
    assertTrue(yosys.script().contains("write_verilog -noattr -noexpr \"resynth.v\"\n"));
    assertFalse(yosys.script().contains("@"), "unfilled placeholder: " + yosys.script());
    assertEquals(Map.of("resynth.abc.constr", "set_driving_cell INVX1\nset_load 0.05\n"),
        yosys.files());

    String sta = steps.get(1).script();
    assertTrue(sta.contains("set noodle_netlist {resynth.v}\n"), sta);
    assertTrue(sta.contains("set noodle_param(max_fanout) 16\n"), sta);
    assertFalse(sta.contains("noodle_param(paths)"), "ECO before the re-synthesis was applied");
  }

  @Test
  void onlyTheLastResynthesisCounts() {
    List<ToolStep> steps = TrialScripts.render(study, snap, List.of(
        instance("resynthesize", "delay_target_ps", "3000"), UPSIZE,
        instance("resynthesize", "delay_target_ps", "9000")));

    assertEquals(2, steps.size());
    assertTrue(steps.get(0).script().contains("abc -D 9000 "));
    assertFalse(steps.get(1).script().contains("noodle_param("));
  }

  @Test
  void pathWithBraceIsRefusedForTcl() {
    Snapshot braced = new Snapshot("/snap", "top", "/snap/top{1}.v", "/snap/top.sdc",
        "/snap/cells.lib", List.of(), "abc123", java.util.Map.of());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrialScripts.render(study, braced, List.of(NOOP)));
    assertTrue(e.getMessage().contains("/snap/top{1}.v"), e.getMessage());
    assertTrue(e.getMessage().contains("brace"), e.getMessage());
  }

  @Test
  void pathWithQuoteIsRefusedForYosys() {
    Snapshot quoted = new Snapshot("/snap", "top", "/snap/top.v", "/snap/top.sdc",
        "/snap/cells.lib", List.of("/snap/rtl/\"a\".v"), "abc123", java.util.Map.of());

    assertThrows(IllegalArgumentException.class, () -> TrialScripts.render(study, quoted,
        List.of(instance("resynthesize", "delay_target_ps", "3000"))));
  }

  @Test
  void pathWithSpacesIsQuotedNotSplit() {
    Snapshot spaced = new Snapshot("/my snap", "top", "/my snap/top.v", "/my snap/top.sdc",
        "/my snap/cells.lib", List.of(), "abc123", java.util.Map.of());

    String script = TrialScripts.render(study, spaced, List.of(NOOP)).get(0).script();
    assertTrue(script.contains("set noodle_netlist {/my snap/top.v}\n"), script);
  }

  private static EcoInstance instance(String eco, String... keyValues) {
    Map<String, BigDecimal> params = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put(keyValues[i], new BigDecimal(keyValues[i + 1]));
    }
    return new EcoInstance(eco, params);
  }
}
