package dev.noodle.common.report.log;

/**
 * One row of the global router's final congestion table ({@code [INFO GRT-0096] Final
 * congestion report:}), in routing tracks as printed.
 *
 * @param layer the layer name, or {@code Total} for the closing row
 * @param resource tracks available
 * @param demand tracks wanted
 * @param usagePercent usage as printed; 0.00 for a layer with no resource, whatever its demand
 * @param maxH most horizontal congestion of one gcell on the layer; on the Total row the sum of
 *     the layers' maxima, as the router prints it
 * @param maxV the same for vertical congestion
 * @param congestion total congestion of the layer
 */
public record RouteLayer(String layer, long resource, long demand, double usagePercent,
    long maxH, long maxV, long congestion) {}
