package dev.noodle.common.policy;

import dev.noodle.common.eco.EcoInstance;
import java.util.List;

/**
 * A trial decided by the planner, not yet rendered into tool scripts.
 *
 * @param caseName the new case
 * @param parentCase the case it builds on
 * @param stage stage index, or -1 for the base case
 * @param index position in the stage
 * @param chain ECOs from the base to the new case
 */
public record PlannedTrial(String caseName, String parentCase, int stage, int index,
    List<EcoInstance> chain) {
  public PlannedTrial {
    chain = List.copyOf(chain);
  }
}
