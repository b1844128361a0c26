package dev.noodle.common.eco;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ECOs a study can use: the built-in ones plus any the study declares from its own Tcl
 * files. Immutable.
 */
public final class EcoCatalog {
  /** The ECO the base case runs: nothing changes, only the measurement. */
  public static final String NOOP = "noop";

  private final Map<String, EcoDefinition> byName;

  private EcoCatalog(Map<String, EcoDefinition> byName) {
    this.byName = byName;
  }

  /** The catalog every study starts from. */
  public static EcoCatalog builtin() {
    Map<String, EcoDefinition> map = new LinkedHashMap<>();
    for (EcoDefinition d : builtinDefinitions()) {
      map.put(d.name(), d);
    }
    return new EcoCatalog(map);
  }

  /** This catalog plus {@code extra}; a name may not be reused. */
  public EcoCatalog with(Collection<EcoDefinition> extra) {
    Map<String, EcoDefinition> map = new LinkedHashMap<>(byName);
    for (EcoDefinition d : extra) {
      if (map.putIfAbsent(d.name(), d) != null) {
        throw new IllegalArgumentException("ECO name '" + d.name() + "' is already taken");
      }
    }
    return new EcoCatalog(map);
  }

  public Optional<EcoDefinition> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public EcoDefinition get(String name) {
    EcoDefinition d = byName.get(name);
    if (d == null) {
      throw new IllegalArgumentException("unknown ECO '" + name + "'");
    }
    return d;
  }

  /** Every ECO, built-in ones first; this list is also the catalog's JSON form. */
  @JsonValue
  public List<EcoDefinition> all() {
    return List.copyOf(byName.values());
  }

  /** The catalog of exactly {@code definitions}, as {@link #all()} lists them. */
  @JsonCreator
  public static EcoCatalog of(List<EcoDefinition> definitions) {
    Map<String, EcoDefinition> map = new LinkedHashMap<>();
    for (EcoDefinition d : definitions) {
      if (map.putIfAbsent(d.name(), d) != null) {
        throw new IllegalArgumentException("ECO name '" + d.name() + "' is listed twice");
      }
    }
    return new EcoCatalog(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcoCatalog other && byName.equals(other.byName);
  }

  @Override
  public int hashCode() {
    return byName.hashCode();
  }

  /** The no-op instance used by the base case. */
  public static EcoInstance noopInstance() {
    return new EcoInstance(NOOP, Map.of());
  }

  private static List<EcoDefinition> builtinDefinitions() {
    List<EcoDefinition> list = new ArrayList<>();
    list.add(new EcoDefinition(NOOP, EcoClass.TOPOLOGY_NEUTRAL, EcoDefinition.Kind.NOOP,
        List.of(), "", "Changes nothing; measures the design as it is.", "builtin"));
    list.add(new EcoDefinition("upsize_critical", EcoClass.TOPOLOGY_NEUTRAL,
        EcoDefinition.Kind.STA_TCL,
        List.of(
            EcoParameter.ofInt("paths", 1, 1000, 10,
                "number of worst setup paths (one per endpoint) whose cells are upsized"),
            EcoParameter.ofInt("steps", 1, 3, 1,
                "drive-strength steps up within the cell family")),
        resource("eco_upsize_critical.tcl"),
        "Swap cells on the worst setup paths for stronger sizes of the same function.",
        "builtin"));
    list.add(new EcoDefinition("buffer_fanout", EcoClass.PLACEMENT_LOCAL,
        EcoDefinition.Kind.STA_TCL,
        List.of(
            EcoParameter.ofInt("max_fanout", 2, 64, 8,
                "nets with more loads than this are split behind buffers"),
            EcoParameter.ofChoice("buffer_drive", List.of(2L, 4L), 4,
                "drive strength of the inserted buffers (BUFX2 or BUFX4)")),
        resource("eco_buffer_fanout.tcl"),
        "Insert buffers so that no signal net drives more than max_fanout loads.",
        "builtin"));
    list.add(new EcoDefinition("resynthesize", EcoClass.GLOBAL_DISRUPTIVE,
        EcoDefinition.Kind.YOSYS_RESYNTH,
        List.of(EcoParameter.ofInt("delay_target_ps", 10, 1_000_000, 2000,
            "delay target handed to ABC's technology mapping, in picoseconds")),
        "",
        "Re-synthesise the RTL with Yosys and ABC against a delay target, then time it.",
        "builtin"));
    return list;
  }

  static String resource(String name) {
    String path = "tcl/" + name;
    try (InputStream in = EcoCatalog.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing built-in script " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
