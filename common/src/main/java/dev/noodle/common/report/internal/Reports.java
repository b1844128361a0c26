package dev.noodle.common.report.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small pieces the report records share. */
public final class Reports {
  private Reports() {}

  /** An unmodifiable copy that keeps the order of {@code map}. */
  public static <K, V> Map<K, V> frozen(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** {@code text} cut to {@code max} characters, with a marker when it was cut. */
  public static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + " ...";
  }
}
