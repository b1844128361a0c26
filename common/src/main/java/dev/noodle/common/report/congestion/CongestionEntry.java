package dev.noodle.common.report.congestion;

import dev.noodle.common.report.heatmap.Box;

/**
 * One congested gcell edge as the report lists it.
 *
 * @param horizontal true for {@code Horizontal congestion}, false for {@code Vertical}
 * @param capacity routing tracks available
 * @param usage routing tracks used
 * @param congestion tracks over capacity as printed ({@code congestion:} or, in older files,
 *     {@code overflow:}); taken as printed, not recomputed from usage and capacity
 * @param box the gcell, in micrometres
 * @param layer the layer name, or null when the report says {@code -} (no layer)
 * @param sources source objects listed ({@code net:...}, {@code inst:...}), or -1 when the
 *     list was too long to read whole
 */
public record CongestionEntry(boolean horizontal, long capacity, long usage, long congestion,
    Box box, String layer, int sources) {}
