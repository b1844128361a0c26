package dev.noodle.common.eco;

import java.util.Locale;

/** Blast radius of an ECO, from a local cell swap to a rebuild of the whole design. */
public enum EcoClass {
  TOPOLOGY_NEUTRAL,
  PLACEMENT_LOCAL,
  ROUTING_AFFECTING,
  GLOBAL_DISRUPTIVE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a study-file spelling such as {@code placement_local}; null when unknown. */
  public static EcoClass fromKey(String key) {
    for (EcoClass c : values()) {
      if (c.key().equals(key)) {
        return c;
      }
    }
    return null;
  }
}
