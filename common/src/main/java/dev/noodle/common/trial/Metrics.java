package dev.noodle.common.trial;

/**
 * What a trial measured, every time in picoseconds.
 *
 * @param wnsPs worst negative slack of setup checks (0 or positive when timing is met)
 * @param tnsPs total negative slack of setup checks (0 when timing is met)
 * @param worstSlackPs worst setup slack, positive when timing is met with margin
 * @param violatingEndpoints endpoints with negative setup slack
 * @param areaUm2 total standard-cell area in square micrometres, or null when not reported
 * @param timeUnit the unit the tool printed its times in
 */
public record Metrics(double wnsPs, double tnsPs, double worstSlackPs, int violatingEndpoints,
    Double areaUm2, String timeUnit) {}
