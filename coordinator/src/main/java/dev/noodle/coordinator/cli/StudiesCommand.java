package dev.noodle.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noodle.common.json.Json;
import dev.noodle.coordinator.cluster.NodeOptions;
import dev.noodle.coordinator.cluster.NoodleNode;
import dev.noodle.worker.TrialStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.ignite.Ignite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code noodle studies}: the studies a cluster, or an output folder's store, holds. */
@Command(
    name = "studies",
    mixinStandardHelpOptions = true,
    versionProvider = Noodle.Version.class,
    description = {"List the studies on a cluster with their status, progress and start time. "
        + "A study that is 'stalled' (marked running, but its driver has left the cluster) or "
        + "'interrupted' (stopped with SIGTERM or Ctrl-C) continues with 'noodle resume STUDY'."},
    footer = {"", "Examples:",
        "  noodle studies --cluster 10.0.0.5:47500..47509",
        "  noodle studies --out out          # studies run on this machine's embedded node"})
final class StudiesCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterClient cluster;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Read the embedded node's store in this output folder instead of a cluster.")
  private Path out;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (this.out != null && !Files.isDirectory(this.out.resolve(NodeOptions.EMBEDDED_STORE))) {
      err.println("noodle: " + this.out + " holds no study store; give the --out folder of "
          + "an earlier 'noodle run'");
      return Noodle.NOT_COMPLETED;
    }
    try (NoodleNode node = this.out != null
        ? NoodleNode.start(NodeOptions.embedded(1, this.out.toAbsolutePath().normalize()))
        : cluster.connect()) {
      if (!node.awaitActive(Duration.ofSeconds(30))) {
        err.println("noodle: the cluster is not active: some nodes of its baseline have not "
            + "come back");
        return Noodle.NOT_COMPLETED;
      }
      Ignite ignite = node.ignite();
      out.print(table(new TrialStore(ignite).studies(), id -> alive(ignite, id)));
      out.flush();
      return 0;
    } catch (IOException e) {
      err.println("noodle: " + e.getMessage());
      return Noodle.NOT_COMPLETED;
    }
  }

  /** An ISO-8601 time to the second, as it fits the table. */
  private static String seconds(String instant) {
    try {
      return java.time.Instant.parse(instant).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
          .toString();
    } catch (java.time.format.DateTimeParseException e) {
      return instant;
    }
  }

  private static boolean alive(Ignite ignite, String id) {
    try {
      return ignite.cluster().node(java.util.UUID.fromString(id)) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The table of studies; a study still marked running whose driver has left the cluster is
   * shown as {@code stalled}: it needs {@code noodle resume}.
   */
  static String table(Map<String, String> docs, java.util.function.Predicate<String> alive) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-24s %-12s %-12s %-10s %-26s %s%n", "STUDY", "STATUS",
        "STAGE", "TRIALS", "STARTED", "BEST"));
    int rows = 0;
    for (Map.Entry<String, String> e : docs.entrySet()) {
      if (e.getKey().contains("#")) {
        continue;
      }
      JsonNode s = Json.read(e.getValue(), JsonNode.class);
      int done = 0;
      int planned = 0;
      String stage = "-";
      for (JsonNode st : s.path("stages")) {
        done += st.path("done").asInt();
        planned += st.path("planned").asInt();
        stage = st.path("index").asInt() < 0 ? "base" : "stage " + st.path("index").asInt();
      }
      String best = s.path("best_case").isNull() || s.path("best_case").isMissingNode() ? "-"
          : String.format(Locale.ROOT, "%s %.1f ps", s.path("best_case").asText(),
              s.path("best_wns_ps").asDouble());
      String status = s.path("status").asText();
      if (status.equals("running") && !alive.test(s.path("driver").asText())) {
        status = "stalled";
      }
      b.append(String.format(Locale.ROOT, "%-24s %-12s %-12s %-10s %-26s %s%n", e.getKey(),
          status, stage, done + "/" + planned,
          seconds(s.path("started_at").asText()), best));
      rows++;
    }
    if (rows == 0) {
      return "No study here yet.\n";
    }
    return b.toString();
  }
}
