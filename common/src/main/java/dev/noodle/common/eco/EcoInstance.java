package dev.noodle.common.eco;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One ECO with all its parameters fixed, in the definition's parameter order.
 *
 * @param eco name of the catalog entry
 * @param parameters every parameter of the definition with its value
 */
public record EcoInstance(String eco, Map<String, BigDecimal> parameters) {

  public EcoInstance {
    // 10 and 10.0 are the same setting: one canonical form makes equal instances equal.
    LinkedHashMap<String, BigDecimal> canonical = new LinkedHashMap<>();
    parameters.forEach((k, v) -> canonical.put(k, canonical(v)));
    parameters = java.util.Collections.unmodifiableMap(canonical);
  }

  private static BigDecimal canonical(BigDecimal v) {
    BigDecimal stripped = v.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Stable text such as {@code upsize_critical(paths=10,steps=1)}. */
  @JsonIgnore
  public String label() {
    if (parameters.isEmpty()) {
      return eco;
    }
    return parameters.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().stripTrailingZeros().toPlainString())
        .collect(Collectors.joining(",", eco + "(", ")"));
  }

  @Override
  public String toString() {
    return label();
  }
}
