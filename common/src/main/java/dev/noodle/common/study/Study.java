package dev.noodle.common.study;

import dev.noodle.common.eco.EcoCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A validated study: a base design, a safety domain and ordered stages. Built only by
 * {@link StudyLoader}, so every instance has passed the file checks (legality is a separate,
 * reportable step: see {@code LegalityChecker}).
 *
 * @param name study name; also the name of its output folder
 * @param file the study file it was read from
 * @param description free text for summaries
 * @param domain safety domain limiting the ECO classes
 * @param design the base design snapshot inputs
 * @param tools executables and report settings
 * @param trialTimeout wall-clock limit of one trial
 * @param containment when an ECO is taken out of the study after failures
 * @param stages the stages in run order
 * @param catalog built-in ECOs plus the study's own
 * @param runner where the base case runs; each stage has its own (see {@link Stage#runner()})
 */
public record Study(
    String name,
    Path file,
    String description,
    SafetyDomain domain,
    Design design,
    Tools tools,
    Duration trialTimeout,
    Containment containment,
    List<Stage> stages,
    EcoCatalog catalog,
    Runner runner) {

  public Study {
    stages = List.copyOf(stages);
  }

  /**
   * This study run another way for one run (the command line's override): every trial by
   * {@code kind} when it is not null, and every container from {@code image} when that is not
   * null.
   *
   * @throws StudyException when Docker is asked for and no image is known, or the safety domain
   *     is {@code locked} and the image is not pinned by digest
   */
  public Study withRunner(Runner.Kind kind, String image) {
    Runner base = runner.with(kind != null ? kind : runner.kind(), image);
    RunnerRules.check(file, 0, domain, base, "");
    List<Stage> changed = new java.util.ArrayList<>();
    for (Stage s : stages) {
      Runner r = s.runner();
      String stageImage = image != null ? image : r.image() != null ? r.image() : base.image();
      r = r.with(kind != null ? kind : r.kind(), stageImage);
      RunnerRules.check(file, 0, domain, r, "stages[" + s.index() + "].");
      changed.add(new Stage(s.index(), s.name(), s.trialBudget(), s.survivors(), s.ecoClasses(),
          s.candidates(), s.abort(), r));
    }
    return new Study(name, file, description, domain, design, tools, trialTimeout, containment,
        changed, catalog, base);
  }

  /** True when any trial of the study runs in a container. */
  public boolean usesDocker() {
    return runner.docker() || stages.stream().anyMatch(s -> s.runner().docker());
  }

  /**
   * Inputs of the base snapshot. Either {@code netlist} is given, or it is synthesised from
   * {@code rtl} when the study runs.
   *
   * @param caseName name of the base case; derived cases are {@code <caseName>_<stage>_<index>}
   * @param top top module
   * @param liberty Liberty timing library
   * @param sdc constraints
   * @param netlist gate-level Verilog, or null to synthesise it from RTL
   * @param rtl RTL sources (needed for synthesis and for re-synthesis ECOs)
   * @param synthesis library cells and loads Yosys needs when it synthesises the RTL
   */
  public record Design(String caseName, String top, Path liberty, Path sdc, Path netlist,
      List<Path> rtl, Synthesis synthesis) {
    public Design {
      rtl = List.copyOf(rtl);
    }

    public boolean hasRtl() {
      return !rtl.isEmpty();
    }
  }

  /**
   * Library facts synthesis needs. The defaults fit the OSU018 library.
   *
   * @param bufferCell buffer cell Yosys inserts between ports and for port-to-port connections
   * @param bufferInput its input pin
   * @param bufferOutput its output pin
   * @param drivingCell cell assumed to drive the inputs during delay-driven mapping
   * @param outputLoad load on the outputs during delay-driven mapping, in the library's
   *     capacitance unit
   */
  public record Synthesis(String bufferCell, String bufferInput, String bufferOutput,
      String drivingCell, double outputLoad) {
    public static final Synthesis OSU018 = new Synthesis("BUFX2", "A", "Y", "INVX1", 0.05);
  }

  /**
   * Tools and how to read them.
   *
   * @param sta timing tool executable ({@code sta}, or {@code openroad} with the same Tcl)
   * @param yosys synthesis executable
   * @param timeUnit declared report time unit ({@code ns} or {@code ps}), or null to take the unit
   *     the tool prints
   */
  public record Tools(String sta, String yosys, String timeUnit) {}

  /**
   * When an ECO stops being tried.
   *
   * @param maxEcoFailures after this many failed trials of one ECO, it is quarantined for the rest
   *     of the study
   */
  public record Containment(int maxEcoFailures) {}
}
