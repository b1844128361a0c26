package dev.noodle.worker;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.noodle.common.json.Json;
import dev.noodle.common.trial.FailureType;
import dev.noodle.common.trial.Provenance;
import dev.noodle.common.trial.ToolStep;
import dev.noodle.common.trial.TrialResult;
import dev.noodle.common.trial.TrialSpec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

/**
 * Results of earlier trials by the hash of their inputs: Noodle's version, the snapshot, the ECO
 * chain with its parameters, and for each tool run the tool, the version this node's copy
 * reports, the command and the exact script. A trial whose inputs hash the same as a recorded
 * one takes that result instead of running the tools again, across resumes and across studies
 * of the same cluster.
 *
 * <p>Only outcomes that the inputs decide are kept: successes and failures the tool itself
 * reported. Timeouts, crashes and infrastructure failures depend on the machine and its load,
 * so those trials run again.
 */
public final class ResultCache {
  /** Replicated, transactional cache: input hash to a recorded result and its provenance. */
  public static final String CACHE = "noodle-results";

  private final IgniteCache<String, String> cache;

  /** A recorded result and where it came from. */
  record Entry(String key, TrialResult result, Provenance provenance, String recordedAt) {}

  public ResultCache(Ignite ignite) {
    this.cache = ignite.cache(CACHE);
  }

  /** The input hash of {@code spec} as this node would run it. */
  public static String key(TrialSpec spec) {
    Hasher h = Hashing.sha256().newHasher();
    // Noodle's own version too: a newer one may read or classify the same run differently.
    put(h, "noodle", TrialExecutor.VERSION);
    put(h, "snapshot", spec.snapshotSha256());
    put(h, "chain", Json.write(spec.chain()));
    put(h, "time_unit", String.valueOf(spec.declaredTimeUnit()));
    put(h, "netlist", spec.outputNetlist());
    if (spec.container() != null) {
      // The pinned image stands for the tools' versions; the limits can change the outcome.
      put(h, "image", spec.container().imageId());
      put(h, "cpus", Double.toString(spec.container().cpus()));
      put(h, "memory_mb", Long.toString(spec.container().memoryMb()));
    }
    for (ToolStep step : spec.steps()) {
      put(h, "step", step.name());
      put(h, "tool", step.tool());
      put(h, "executable", step.executable());
      put(h, "version", spec.container() != null ? "in image"
          : ToolVersions.of(step.executable(), step.versionArguments()));
      put(h, "arguments", String.join("\u0000", step.arguments()));
      put(h, "script", step.script());
      for (Map.Entry<String, String> f : new TreeMap<>(step.files()).entrySet()) {
        put(h, "file " + f.getKey(), f.getValue());
      }
    }
    return h.hash().toString();
  }

  private static void put(Hasher h, String name, String value) {
    // Length-prefixed, so no two different input lists hash the same text.
    h.putInt(name.length()).putString(name, StandardCharsets.UTF_8);
    h.putInt(value.length()).putString(value, StandardCharsets.UTF_8);
  }

  Optional<Entry> find(String key) {
    return Optional.ofNullable(cache.get(key)).map(j -> Json.read(j, Entry.class));
  }

  /**
   * True for a result worth keeping: one that ran its tools, and whose outcome follows from its
   * inputs alone. {@link TrialStore#commit} records it with the trial's commit.
   */
  static boolean worthKeeping(TrialResult r) {
    return r.reusedFrom() == null && decidedByInputs(r);
  }

  static boolean decidedByInputs(TrialResult r) {
    if (r.succeeded()) {
      return true;
    }
    FailureType type = r.failure() == null ? null : r.failure().type();
    return type == FailureType.TOOL_ERROR || type == FailureType.ILLEGAL_PARAMETERS
        || type == FailureType.MISSING_OUTPUT || type == FailureType.PARSE_FAILURE;
  }
}
