package dev.noodle.common.eco;

import java.util.List;
import java.util.Optional;

/**
 * A named, classified ECO of the catalog.
 *
 * @param name stable name used in study files, case names and provenance
 * @param ecoClass blast radius, checked against the study's safety domain
 * @param kind how the ECO is applied to the design
 * @param parameters typed parameters in their declared order
 * @param body for {@link Kind#STA_TCL}, the Tcl that edits the linked design; it reads its
 *     parameters from the array {@code noodle_param}
 * @param description one line for listings and docs
 * @param source where the ECO came from: {@code builtin} or the path of a study's Tcl file
 */
public record EcoDefinition(
    String name,
    EcoClass ecoClass,
    Kind kind,
    List<EcoParameter> parameters,
    String body,
    String description,
    String source) {

  /** How an ECO acts on the design. */
  public enum Kind {
    /** Changes nothing; the base case uses it. */
    NOOP,
    /** Tcl run by the timing tool between linking and reporting. */
    STA_TCL,
    /** Re-synthesis of the RTL by Yosys before timing. */
    YOSYS_RESYNTH
  }

  public EcoDefinition {
    parameters = List.copyOf(parameters);
  }

  public Optional<EcoParameter> parameter(String key) {
    return parameters.stream().filter(p -> p.name().equals(key)).findFirst();
  }
}
