package dev.noodle.common.trial;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a trial produced no trusted metrics. */
public enum FailureType {
  /** The tool died from a signal (segfault, abort) or crashed by its own report. */
  TOOL_CRASH(Severity.CRITICAL, true),
  /** The tool reported an error, whatever its exit code. */
  TOOL_ERROR(Severity.ERROR, true),
  /**
   * The tool used all the memory its container may have and the kernel killed it: the ECO, not
   * the machine, since the same limit holds for every trial of the stage.
   */
  OOM(Severity.CRITICAL, true),
  /** The trial ran past its time limit and was killed with its whole process tree. */
  TIMEOUT(Severity.ERROR, true),
  /** The tool ended without writing the report or file the trial needs. */
  MISSING_OUTPUT(Severity.ERROR, true),
  /** The report is there but cannot be read as the tool means it. */
  PARSE_FAILURE(Severity.ERROR, true),
  /** The ECO's script refused its parameters (the study file's checks let them through). */
  ILLEGAL_PARAMETERS(Severity.ERROR, true),
  /** The machine, not the ECO: a tool missing, a disk full, a node lost. */
  INFRASTRUCTURE(Severity.CRITICAL, false);

  /** How bad a failure is for the study. */
  public enum Severity {
    ERROR,
    CRITICAL;

    @JsonValue
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Severity severity;
  private final boolean countsAgainstEco;

  FailureType(Severity severity, boolean countsAgainstEco) {
    this.severity = severity;
    this.countsAgainstEco = countsAgainstEco;
  }

  public Severity severity() {
    return severity;
  }

  /** False for failures of the machine rather than the ECO; these do not hurt its prior. */
  public boolean countsAgainstEco() {
    return countsAgainstEco;
  }

  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
