package dev.noodle.common.report.congestion;

import java.util.List;

/**
 * What every entry of a congestion report has in common, as smallest and largest values, so a
 * reader can see at a glance that, say, every horizontal edge has capacity 2. A range is null
 * when no entry had the value.
 *
 * @param hCapacityMin smallest capacity of a {@code Horizontal congestion} entry
 * @param hCapacityMax largest capacity of a horizontal entry
 * @param vCapacityMin smallest capacity of a {@code Vertical congestion} entry
 * @param vCapacityMax largest capacity of a vertical entry
 * @param notUsageMinusCapacity entries whose printed congestion is not usage minus capacity
 * @param layers the layer names the entries give, {@code -} for none, sorted (at most
 *     {@link CongestionTally#MAX_LAYERS})
 * @param boxWidthMinUm narrowest gcell box, rounded to the 1e-4 um the report prints
 * @param boxWidthMaxUm widest gcell box
 * @param boxHeightMinUm lowest gcell box
 * @param boxHeightMaxUm tallest gcell box
 * @param sourcesMin fewest source objects listed by one entry
 * @param sourcesMax most source objects listed by one entry
 */
public record EntryRanges(Long hCapacityMin, Long hCapacityMax, Long vCapacityMin,
    Long vCapacityMax, long notUsageMinusCapacity, List<String> layers, Double boxWidthMinUm,
    Double boxWidthMaxUm, Double boxHeightMinUm, Double boxHeightMaxUm, Integer sourcesMin,
    Integer sourcesMax) {
  public EntryRanges {
    layers = List.copyOf(layers);
  }
}
