package dev.noodle.worker;

/**
 * How a tool process ended.
 *
 * @param exitCode exit code as the shell reports it (128+N after signal N), or -1 if killed by
 *     the time limit
 * @param signal signal that ended the tool, or 0
 * @param timedOut true when the time limit killed the process tree
 * @param wallMillis wall-clock time
 * @param cpuMillis user+system CPU time of the tool and its children, or -1 when unknown
 */
public record ProcessOutcome(int exitCode, int signal, boolean timedOut, long wallMillis,
    long cpuMillis) {}
