package dev.noodle.common.report.log;

/** How serious a log message is. {@code CRASH} marks the line where the tool crashed. */
public enum Severity { ERROR, WARNING, INFO, CRASH }
