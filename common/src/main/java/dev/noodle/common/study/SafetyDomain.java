package dev.noodle.common.study;

import dev.noodle.common.eco.EcoClass;
import java.util.EnumSet;
import java.util.Set;

/** How much a study may disturb the design: each domain allows a set of ECO classes. */
public enum SafetyDomain {
  /** Everything goes: exploration on a scratch copy. */
  SANDBOX(EnumSet.allOf(EcoClass.class)),
  /** No ECO that re-synthesises or otherwise rebuilds the whole design. */
  GUARDED(EnumSet.of(EcoClass.TOPOLOGY_NEUTRAL, EcoClass.PLACEMENT_LOCAL,
      EcoClass.ROUTING_AFFECTING)),
  /** Only ECOs that keep the netlist topology: cell swaps. */
  LOCKED(EnumSet.of(EcoClass.TOPOLOGY_NEUTRAL));

  private final Set<EcoClass> allowed;

  SafetyDomain(Set<EcoClass> allowed) {
    this.allowed = allowed;
  }

  public Set<EcoClass> allowedClasses() {
    return EnumSet.copyOf(allowed);
  }

  public boolean allows(EcoClass ecoClass) {
    return allowed.contains(ecoClass);
  }

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
