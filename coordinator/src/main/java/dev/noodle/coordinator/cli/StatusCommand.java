package dev.noodle.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noodle.common.json.Json;
import dev.noodle.coordinator.cluster.NoodleNode;
import dev.noodle.coordinator.study.StudyRunner;
import dev.noodle.worker.TrialStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noodle status}: the live picture of a study, read from the cluster. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Noodle.Version.class,
    description = "Show each stage of a study with a progress bar, per-node counts, failures "
        + "and the best WNS so far. Without STUDY, every study the cluster knows.",
    footer = {"", "Examples:",
        "  noodle status",
        "  noodle status quickstart --watch",
        "  noodle status quickstart --cluster 10.0.0.5:47500..47509"})
final class StatusCommand implements Callable<Integer> {
  private static final int BAR = 30;

  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterClient cluster;

  @Parameters(paramLabel = "STUDY", arity = "0..1", description = "Study name.")
  private String study;

  @Option(names = "--watch", description = "Refresh in place every second until the study ends.")
  private boolean watch;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (NoodleNode node = cluster.connect()) {
      while (true) {
        List<JsonNode> studies = studies(node.ignite());
        String text = render(studies) + "\n" + NodesCommand.table(node.ignite());
        if (watch) {
          out.print("\033[H\033[2J");
        }
        out.print(text);
        out.flush();
        if (!watch || studies.stream().noneMatch(s -> s.path("status").asText()
            .equals("running"))) {
          return studies.isEmpty() && study != null ? Noodle.NOT_COMPLETED : 0;
        }
        Thread.sleep(1000);
      }
    } catch (IOException e) {
      spec.commandLine().getErr().println("noodle: " + e.getMessage());
      return Noodle.NOT_COMPLETED;
    }
  }

  private List<JsonNode> studies(Ignite ignite) {
    IgniteCache<String, String> cache = ignite.cache(TrialStore.STUDIES);
    List<JsonNode> out = new ArrayList<>();
    if (study != null) {
      String doc = cache.get(study);
      if (doc != null) {
        out.add(Json.read(doc, JsonNode.class));
      }
      return out;
    }
    cache.forEach(e -> {
      if (!e.getKey().contains("#")) {
        out.add(Json.read(e.getValue(), JsonNode.class));
      }
    });
    out.sort(java.util.Comparator.comparing(n -> n.path("study").asText()));
    return out;
  }

  private String render(List<JsonNode> studies) {
    if (studies.isEmpty()) {
      return study == null ? "No study on this cluster yet.\n"
          : "No study named '" + study + "' on this cluster.\n";
    }
    StringBuilder b = new StringBuilder();
    for (JsonNode s : studies) {
      b.append(String.format(Locale.ROOT, "Study %s: %s, best %s%n", s.path("study").asText(),
          s.path("status").asText(), s.path("best_case").isNull() ? "n/a"
              : String.format(Locale.ROOT, "%s WNS %.1f ps", s.path("best_case").asText(),
                  s.path("best_wns_ps").asDouble())));
      for (JsonNode st : s.path("stages")) {
        int planned = st.path("planned").asInt();
        int done = st.path("done").asInt();
        int filled = planned == 0 ? BAR : done * BAR / planned;
        b.append(String.format(Locale.ROOT, "  %-14s [%s%s] %4d/%-4d failed %-4d best %s%n",
            st.path("index").asInt() < 0 ? "base" : "stage " + st.path("index").asInt(),
            "#".repeat(filled), ".".repeat(BAR - filled), done, planned,
            st.path("failed").asInt(), st.path("best_case").isNull() ? "-"
                : String.format(Locale.ROOT, "%s %.1f ps", st.path("best_case").asText(),
                    st.path("best_wns_ps").asDouble())));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = s.path("nodes").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> n = it.next();
        b.append(String.format("  node %-8s done %-5d failed %d%n",
            n.getKey().length() > 8 ? n.getKey().substring(0, 8) : n.getKey(),
            n.getValue().path("done").asInt(), n.getValue().path("failed").asInt()));
      }
    }
    return b.toString();
  }
}
