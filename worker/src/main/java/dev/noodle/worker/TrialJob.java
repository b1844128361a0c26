package dev.noodle.worker;

import dev.noodle.common.json.Json;
import dev.noodle.common.trial.Provenance;
import dev.noodle.common.trial.TrialResult;
import dev.noodle.common.trial.TrialSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.apache.ignite.Ignite;
import org.apache.ignite.compute.ComputeJobMasterLeaveAware;
import org.apache.ignite.compute.ComputeTaskSession;
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
 *
 * <p>The job outlives the process that sent it: when that driver dies, the trial runs to its
 * end and commits its result to the store, where a resumed study finds it. A trial whose inputs
 * match a recorded result (see {@link ResultCache}) takes that result and runs no tool, unless
 * the spec says not to reuse.
 */
public final class TrialJob implements IgniteCallable<String>, ComputeJobMasterLeaveAware {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(TrialJob.class);

  private final String spec;
  private final String key;
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
    this.key = spec.key();
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
      ResultCache cache = new ResultCache(ignite);
      String inputs = ResultCache.key(trial);
      ResultCache.Entry recorded = trial.reuse() ? cache.find(inputs).orElse(null) : null;
      result = recorded != null ? executor.reuse(trial, attempt, recorded.result())
          : executor.execute(trial, attempt);
      LOG.debug("Trial finished [study={}, trial={}, node={}, attempt={}, status={}, "
          + "reusedFrom={}]", trial.study(), trial.caseName(), node, attempt, result.status(),
          result.reusedFrom());
      if (ProcessRunner.killedAtExit() || DockerTrialRunner.removedAtExit()) {
        LOG.info("Worker stopping; trial handed back [trial={}, attempt={}]", trial.key(),
            attempt);
        store.release(trial.key(), attempt, "handed back: " + node + " stopped before the "
            + "trial ended");
        return null;
      }
      Provenance prov = TrialExecutor.provenance(trial, result);
      boolean committed = store.commit(trial.key(), node, attempt, result, prov, inputs);
      return committed ? Json.write(result) : null;
    } catch (RuntimeException | Error e) {
      // Hand the attempt back at once, so whoever drives the study sends it again.
      LOG.warn("Trial attempt failed on the worker, handed back [trial={}, attempt={}, "
          + "error={}]", trial.key(), attempt, e.toString());
      store.release(trial.key(), attempt, "failed on " + node + ": " + e);
      throw e;
    } finally {
      if (activity != null) {
        activity.finished(result);
      }
      MDC.remove("study");
      MDC.remove("trial");
    }
  }

  @Override
  public void onMasterNodeLeft(ComputeTaskSession session) {
    // Nothing to do: the result goes to the trial store, not to the driver that left.
    LOG.info("Study driver left; the trial runs on and commits to the trial store "
        + "[trial={}, attempt={}]", key, attempt);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
