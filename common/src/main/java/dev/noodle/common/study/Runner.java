package dev.noodle.common.study;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a stage's trials run: as local processes, or each in its own container.
 *
 * @param kind local processes or Docker containers
 * @param image the tool image for Docker (a tag, or pinned as {@code name@sha256:<digest>} or
 *     {@code sha256:<id>}); null for local
 * @param cpus CPU limit of each container, in cores
 * @param memoryMb memory limit of each container, in MiB
 */
public record Runner(Kind kind, String image, double cpus, long memoryMb) {
  /** Limits a container gets when the study file gives none. */
  public static final double DEFAULT_CPUS = 1;
  public static final long DEFAULT_MEMORY_MB = 2048;
  public static final Runner LOCAL = new Runner(Kind.LOCAL, null, DEFAULT_CPUS,
      DEFAULT_MEMORY_MB);

  private static final Pattern PINNED = Pattern.compile("(.+@)?sha256:[0-9a-f]{64}");

  /** How trials run. */
  public enum Kind {
    LOCAL,
    DOCKER;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a study file or option names, or null when the word is neither. */
    public static Kind fromKey(String key) {
      for (Kind k : values()) {
        if (k.key().equals(key)) {
          return k;
        }
      }
      return null;
    }
  }

  public boolean docker() {
    return kind == Kind.DOCKER;
  }

  /** True when {@code image} names one exact image: by digest or by image id. */
  public static boolean pinned(String image) {
    return image != null && PINNED.matcher(image).matches();
  }

  /** This runner with another kind and, when {@code newImage} is not null, another image. */
  public Runner with(Kind newKind, String newImage) {
    return new Runner(newKind, newImage != null ? newImage : image, cpus, memoryMb);
  }
}
