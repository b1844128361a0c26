package dev.noodle.worker;

import dev.noodle.common.json.Json;
import dev.noodle.common.trial.TrialResult;
import dev.noodle.common.trial.TrialSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one trial attempt on the node it is sent to: takes the attempt in the trial store, runs
 * the trial, and commits the result fenced by owner and attempt. Returns the committed result
 * as JSON, or null when the attempt was taken by someone else or the commit was refused as
 * stale (then nothing of this run counts).
 */
public final class TrialJob implements IgniteCallable<String> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(TrialJob.class);

  private final String spec;
  private final int attempt;
  private final String workRoot;

  @IgniteInstanceResource
  private transient Ignite ignite;

  /**
   * @param spec the trial, as JSON
   * @param attempt the attempt this job runs; the job takes it in the store before running
   * @param workRoot folder on the executing node under which the trial's directory is made
   */
  public TrialJob(TrialSpec spec, int attempt, Path workRoot) {
    this.spec = Json.write(spec);
    this.attempt = attempt;
    this.workRoot = workRoot.toString();
  }

  @Override
  public String call() {
    TrialSpec trial = Json.read(spec, TrialSpec.class);
    String node = ignite.cluster().localNode().id().toString();
    TrialStore store = new TrialStore(ignite);
    if (!store.claimAttempt(trial.key(), node, attempt)) {
      LOG.debug("Trial attempt already taken, not run [trial={}, attempt={}]", trial.key(),
          attempt);
      return null;
    }
    MDC.put("study", trial.study());
    MDC.put("trial", trial.caseName());
    NodeActivity activity = NodeActivity.of(ignite);
    if (activity != null) {
      activity.started();
    }
    TrialResult result = null;
    try {
      TrialExecutor executor = new TrialExecutor(Path.of(workRoot), node, hostName(),
          new SnapshotCache(ignite, Path.of(workRoot)));
      result = executor.execute(trial, attempt);
      LOG.debug("Trial finished [study={}, trial={}, node={}, attempt={}, status={}]",
          trial.study(), trial.caseName(), node, attempt, result.status());
      boolean committed = store.commit(trial.key(), node, attempt, result,
          TrialExecutor.provenance(trial, result));
      return committed ? Json.write(result) : null;
    } finally {
      if (activity != null) {
        activity.finished(result);
      }
      MDC.remove("study");
      MDC.remove("trial");
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
