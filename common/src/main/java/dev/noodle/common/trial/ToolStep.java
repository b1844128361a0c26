package dev.noodle.common.trial;

import java.util.List;

/**
 * One tool run inside a trial: the script is written into the trial's work directory and the
 * tool is started there with {@code arguments}.
 *
 * @param name short step name; also the prefix of its log files ({@code <name>.stdout.log})
 * @param tool tool family: {@code sta} or {@code yosys}
 * @param executable program to start
 * @param arguments arguments after the executable; {@code {script}} stands for the script path
 * @param versionArguments arguments that make the tool print its version
 * @param scriptName file name of the script in the work directory
 * @param script full script text
 * @param timingReport true when this step's standard output carries the timing report
 * @param files further input files the script reads, by file name, written beside it
 */
public record ToolStep(
    String name,
    String tool,
    String executable,
    List<String> arguments,
    List<String> versionArguments,
    String scriptName,
    String script,
    boolean timingReport,
    java.util.Map<String, String> files) {

  public ToolStep {
    files = java.util.Map.copyOf(files);
    arguments = List.copyOf(arguments);
    versionArguments = List.copyOf(versionArguments);
  }

  /** The command line with the script path filled in. */
  public List<String> command(String scriptPath) {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(executable);
    for (String a : arguments) {
      cmd.add(a.equals("{script}") ? scriptPath : a);
    }
    return cmd;
  }
}
