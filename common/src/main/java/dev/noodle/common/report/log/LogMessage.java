package dev.noodle.common.report.log;

/**
 * One message of a tool log.
 *
 * @param line one-based line number in the log
 * @param id the message id as printed ({@code GRT-0116}, OpenSTA's {@code 1551}), or null
 * @param text the message after its tag, cut to a bounded length
 */
public record LogMessage(long line, Severity severity, String id, String text) {}
