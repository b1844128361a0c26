package dev.noodle.common.eco;

import dev.noodle.common.study.Snapshot;
import dev.noodle.common.study.Study;
import dev.noodle.common.trial.ToolStep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders an ECO chain into the tool runs of one trial. Values reach the scripts only as
 * validated numbers, names checked against identifier patterns, or file paths quoted for the
 * tool; no text from a study is pasted into a script unchecked. A custom ECO's own Tcl file is
 * the one exception: it is the study author's code and runs as written.
 *
 * <p>A re-synthesis ECO rebuilds the netlist from RTL, so only the last one in a chain counts
 * and the netlist edits before it are superseded; the edits after it apply to its netlist.
 */
public final class TrialScripts {
  /**
   * Stands for the snapshot folder in rendered scripts; the worker that runs the trial puts its
   * own copy's path in its place.
   */
  public static final String SNAPSHOT_TOKEN = "@NOODLE_SNAPSHOT@";
  /** Netlist each trial writes into its work directory. */
  public static final String OUTPUT_NETLIST = "netlist.v";
  private static final String RESYNTH_NETLIST = "resynth.v";

  private TrialScripts() {}

  /** The steps of a trial that applies {@code chain} to the snapshot. */
  public static List<ToolStep> render(Study study, Snapshot snap, List<EcoInstance> chain) {
    int resynth = -1;
    for (int i = 0; i < chain.size(); i++) {
      if (study.catalog().get(chain.get(i).eco()).kind() == EcoDefinition.Kind.YOSYS_RESYNTH) {
        resynth = i;
      }
    }
    List<ToolStep> steps = new ArrayList<>();
    String netlist = snap.netlist();
    if (resynth >= 0) {
      BigDecimal delay = chain.get(resynth).parameters().get("delay_target_ps");
      steps.add(yosysStep("resynth", study, snap, delay.toBigIntegerExact().toString(),
          RESYNTH_NETLIST));
      netlist = RESYNTH_NETLIST;
    }
    steps.add(staStep(study, snap, netlist, chain.subList(resynth + 1, chain.size())));
    return steps;
  }

  /**
   * A Yosys run that synthesises the snapshot's RTL into {@code outNetlist}.
   *
   * @param delayPs ABC delay target in picoseconds, or null for plain synthesis
   */
  public static ToolStep yosysStep(String name, Study study, Snapshot snap, String delayPs,
      String outNetlist) {
    Study.Synthesis syn = study.design().synthesis();
    StringBuilder rtl = new StringBuilder();
    for (String file : snap.rtl()) {
      rtl.append(rtl.length() == 0 ? "" : " ").append(yosysQuote(file));
    }
    String template = EcoCatalog.resource(delayPs == null ? "synth_base.ys.template"
        : "resynth.ys.template");
    String script = fill(template, Map.of(
        "RTL_FILES", rtl.toString(),
        "TOP", snap.top(),
        "LIBERTY", yosysQuote(snap.liberty()),
        "ABC_CONSTR", name + ".abc.constr",
        "DELAY_PS", delayPs == null ? "" : delayPs,
        "OUT_NETLIST", yosysQuote(outNetlist),
        "BUF_CELL", syn.bufferCell(),
        "BUF_IN", syn.bufferInput(),
        "BUF_OUT", syn.bufferOutput()));
    Map<String, String> files = Map.of();
    if (delayPs != null) {
      // ABC reads the driving cell and output load from a constraint file beside the script.
      files = Map.of(name + ".abc.constr", fill(
          EcoCatalog.resource("resynth.abc.constr.template"), Map.of(
              "DRIVING_CELL", syn.drivingCell(),
              "OUTPUT_LOAD", BigDecimal.valueOf(syn.outputLoad()).toPlainString())));
    }
    return new ToolStep(name, "yosys", study.tools().yosys(), List.of("-q", "-s", "{script}"),
        List.of("-V"), name + ".ys", script, false, files);
  }

  private static ToolStep staStep(Study study, Snapshot snap, String netlist,
      List<EcoInstance> ecos) {
    StringBuilder tcl = new StringBuilder();
    tcl.append("# Noodle trial script: load the design, apply the ECO chain, report.\n");
    tcl.append("set noodle_liberty ").append(tclQuote(snap.liberty())).append('\n');
    tcl.append("set noodle_netlist ").append(tclQuote(netlist)).append('\n');
    tcl.append("set noodle_top ").append(tclQuote(snap.top())).append('\n');
    tcl.append("set noodle_sdc ").append(tclQuote(snap.sdc())).append('\n');
    tcl.append("set noodle_out_netlist ").append(tclQuote(OUTPUT_NETLIST)).append('\n');
    tcl.append(EcoCatalog.resource("load.tcl")).append('\n');
    int n = 0;
    for (EcoInstance eco : ecos) {
      EcoDefinition def = study.catalog().get(eco.eco());
      n++;
      if (def.kind() != EcoDefinition.Kind.STA_TCL) {
        continue;
      }
      tcl.append("# ---- ECO ").append(n).append(": ").append(eco.label()).append('\n');
      tcl.append("array unset noodle_param\n");
      for (EcoParameter p : def.parameters()) {
        tcl.append("set noodle_param(").append(p.name()).append(") ")
            .append(p.render(eco.parameters().get(p.name()))).append('\n');
      }
      tcl.append(def.body()).append('\n');
    }
    tcl.append(EcoCatalog.resource("report.tcl"));
    return new ToolStep("sta", "sta", study.tools().sta(), List.of("-no_splash", "-exit",
        "{script}"), List.of("-version"), "trial.tcl", tcl.toString(), true, Map.of());
  }

  /** Brace-quotes a value for Tcl; values with braces or backslashes are refused. */
  static String tclQuote(String value) {
    if (value.contains("{") || value.contains("}") || value.contains("\\")
        || value.contains("\n")) {
      throw new IllegalArgumentException("path '" + value + "' contains a brace, backslash or "
          + "newline, which Noodle does not pass to Tcl; rename or move the file");
    }
    return "{" + value + "}";
  }

  /** Double-quotes a value for a Yosys script; values with quotes or newlines are refused. */
  static String yosysQuote(String value) {
    if (value.contains("\"") || value.contains("\n") || value.contains(";")) {
      throw new IllegalArgumentException("path '" + value + "' contains a quote, ';' or newline, "
          + "which Noodle does not pass to Yosys; rename or move the file");
    }
    return "\"" + value + "\"";
  }

  private static String fill(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("@" + e.getKey() + "@", e.getValue());
    }
    return out;
  }
}
