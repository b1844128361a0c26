package dev.noodle.common.trial;

import java.util.List;

/**
 * What one tool run did.
 *
 * @param name step name
 * @param tool tool family
 * @param toolVersion version line the tool printed, or {@code unknown}
 * @param command exact command line
 * @param exitCode exit code; 128+N when killed by signal N; -1 when it never ended
 * @param signal the signal that ended it, or 0
 * @param timedOut true when the time limit killed it
 * @param wallMillis wall-clock time
 * @param cpuMillis user+system CPU time of the tool and its children, or -1 when unknown
 * @param scriptSha256 SHA-256 of the script it ran
 * @param oomKilled true when the container's memory limit killed the tool
 * @param container the container the tool ran in, or null for a local process
 */
public record StepRecord(String name, String tool, String toolVersion, List<String> command,
    int exitCode, int signal, boolean timedOut, long wallMillis, long cpuMillis,
    String scriptSha256, boolean oomKilled, ContainerRecord container) {

  public StepRecord {
    command = List.copyOf(command);
  }

  /** A tool run as a local process. */
  public StepRecord(String name, String tool, String toolVersion, List<String> command,
      int exitCode, int signal, boolean timedOut, long wallMillis, long cpuMillis,
      String scriptSha256) {
    this(name, tool, toolVersion, command, exitCode, signal, timedOut, wallMillis, cpuMillis,
        scriptSha256, false, null);
  }
}
