package dev.noodle.common.report.log;

import java.util.List;

/**
 * What the global router's closing lines say, from the last printing of each.
 *
 * @param layers the rows of the last final congestion table, without the Total row
 * @param total the Total row of that table, or null when no table was printed
 * @param wirelengthUm {@code [INFO GRT-0018] Total wirelength: N um}, or null
 * @param routedNets {@code [INFO GRT-0014] Routed nets: N}, or null
 */
public record RouteSummary(List<RouteLayer> layers, RouteLayer total, Double wirelengthUm,
    Long routedNets) {
  public RouteSummary {
    layers = List.copyOf(layers);
  }
}
