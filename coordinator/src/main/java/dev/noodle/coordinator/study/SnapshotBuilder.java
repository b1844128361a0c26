package dev.noodle.coordinator.study;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import dev.noodle.common.eco.TrialScripts;
import dev.noodle.common.json.Json;
import dev.noodle.common.report.LogScan;
import dev.noodle.common.study.Snapshot;
import dev.noodle.common.study.Study;
import dev.noodle.common.trial.Failure;
import dev.noodle.common.trial.FailureClassifier;
import dev.noodle.common.trial.FailureType;
import dev.noodle.common.trial.StepRecord;
import dev.noodle.common.trial.ToolStep;
import dev.noodle.worker.ProcessOutcome;
import dev.noodle.worker.ProcessRunner;
import dev.noodle.worker.ToolVersions;
import dev.noodle.worker.TrialExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Freezes a study's base design into a snapshot folder: the Liberty file, the constraints, the
 * RTL and the netlist (synthesised by Yosys when the study gives only RTL), each made read-only,
 * plus a manifest with every file's SHA-256. The snapshot's hash is the manifest's hash.
 */
final class SnapshotBuilder {
  static final String NETLIST = "netlist.v";
  static final String MANIFEST = "manifest.json";

  /** The snapshot, or the failure that kept it from being built. */
  record Built(Snapshot snapshot, Failure failure, StepRecord synthesis) {}

  private SnapshotBuilder() {}

  static Built build(Study study, Path dir) throws IOException {
    Study.Design design = study.design();
    Files.createDirectories(dir.resolve("rtl"));
    Map<String, String> sources = new LinkedHashMap<>();
    Path liberty = copy(design.liberty(), dir.resolve(safe(design.liberty())), sources);
    Path sdc = copy(design.sdc(), dir.resolve(safe(design.sdc())), sources);
    List<String> rtl = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Path file : design.rtl()) {
      String name = safe(file);
      if (!names.add(name)) {
        name = names.size() + "_" + name;
        names.add(name);
      }
      rtl.add(copy(file, dir.resolve("rtl").resolve(name), sources).toString());
    }
    Path netlist = dir.resolve(NETLIST);
    Snapshot draft = new Snapshot(dir.toString(), design.top(), netlist.toString(),
        sdc.toString(), liberty.toString(), rtl, "", Map.of());
    StepRecord synthesis = null;
    if (design.netlist() != null) {
      copy(design.netlist(), netlist, sources);
    } else {
      ToolStep step = TrialScripts.yosysStep("synth", study, draft, null, NETLIST);
      Path script = dir.resolve(step.scriptName());
      Files.writeString(script, step.script(), StandardCharsets.UTF_8);
      Path out = dir.resolve("synth.stdout.log");
      Path err = dir.resolve("synth.stderr.log");
      ProcessOutcome o;
      try {
        o = ProcessRunner.run(step.command(step.scriptName()), dir, out, err,
            study.trialTimeout());
      } catch (IOException e) {
        return new Built(null, Failure.of(FailureType.INFRASTRUCTURE, "yosys (base synthesis) "
            + "could not be started: " + e.getMessage() + "; install yosys or set tools.yosys",
            ""), null);
      }
      synthesis = new StepRecord("synth", "yosys",
          ToolVersions.of(step.executable(), step.versionArguments()),
          step.command(step.scriptName()),
          o.exitCode(), o.signal(), o.timedOut(), o.wallMillis(), o.cpuMillis(),
          Hashing.sha256().hashString(step.script(), StandardCharsets.UTF_8).toString());
      LogScan log = TrialExecutor.scan(out, err);
      Failure failure = FailureClassifier.classify(synthesis, log,
          study.trialTimeout().toSeconds());
      if (failure == null && !Files.isRegularFile(netlist)) {
        failure = Failure.of(FailureType.MISSING_OUTPUT, "yosys (base synthesis) wrote no "
            + NETLIST, "");
      }
      if (failure != null) {
        return new Built(null, failure, synthesis);
      }
      sources.put(NETLIST, "synthesised by yosys from " + rtl.size() + " RTL files");
    }
    Map<String, String> hashes = new LinkedHashMap<>();
    String sha = writeManifest(dir, sources, hashes);
    makeReadOnly(dir);
    return new Built(new Snapshot(dir.toString(), design.top(), netlist.toString(),
        sdc.toString(), liberty.toString(), rtl, sha, hashes), null, synthesis);
  }

  /** The file's name with anything but letters, digits, '.', '_' and '-' made '_'. */
  private static String safe(Path file) {
    return file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static Path copy(Path from, Path to, Map<String, String> sources) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    sources.put(to.getParent().getFileName().toString().equals("rtl")
        ? "rtl/" + to.getFileName() : to.getFileName().toString(), from.toString());
    return to;
  }

  private static String writeManifest(Path dir, Map<String, String> sources,
      Map<String, String> hashes) throws IOException {
    List<Map<String, Object>> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", e.getKey());
      String fileSha = MoreFiles.asByteSource(p).hash(Hashing.sha256()).toString();
      hashes.put(e.getKey(), fileSha);
      entry.put("sha256", fileSha);
      entry.put("bytes", Files.size(p));
      entry.put("source", e.getValue());
      files.add(entry);
    }
    // The hash covers contents and names only, so the same design gives the same hash anywhere.
    StringBuilder canonical = new StringBuilder();
    for (Map<String, Object> f : files) {
      canonical.append(f.get("path")).append(' ').append(f.get("sha256")).append('\n');
    }
    String sha = Hashing.sha256().hashString(canonical, StandardCharsets.UTF_8).toString();
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schema", 1);
    manifest.put("sha256", sha);
    manifest.put("files", files);
    Files.writeString(dir.resolve(MANIFEST), Json.write(manifest));
    return sha;
  }

  private static void makeReadOnly(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--r--r--"));
      }
    }
  }
}
