package dev.noodle.common.report.drv;

/**
 * The final word of a report on one check.
 *
 * @param check the check name, such as {@code max_slew}
 * @param count violating pins, or null when the report does not say
 * @param worstSlack least slack in the report's unit, or null when not printed
 * @param source what the values come from: {@code section} (the last section of the check),
 *     {@code count line} (a line such as {@code max slew violation count 0}) or
 *     {@code empty violators report} ({@code report_check_types -violators} printed nothing)
 */
public record DrvCheck(String check, Long count, Double worstSlack, String source) {}
