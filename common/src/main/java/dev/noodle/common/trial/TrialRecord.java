package dev.noodle.common.trial;

import java.util.ArrayList;
import java.util.List;

/**
 * The durable state of one trial in the cluster: who owns it, which attempt is current, every
 * attempt so far, and the one committed result. Immutable; each change makes a new record inside
 * a cache transaction.
 *
 * @param key {@code study/case}
 * @param status where the trial stands
 * @param owner node id of the current attempt's owner, or null
 * @param attempt number of the current attempt (0 before the first)
 * @param attempts every attempt, oldest first
 * @param result the committed result, or null
 */
public record TrialRecord(String key, TrialStatus status, String owner, int attempt,
    List<Attempt> attempts, TrialResult result) {

  public TrialRecord {
    attempts = List.copyOf(attempts);
  }

  /**
   * One attempt at a trial.
   *
   * @param number attempt number, from 1
   * @param node node that ran it
   * @param startedAt ISO-8601 start
   * @param endedAt ISO-8601 end, or null while running
   * @param outcome why it ended: {@code committed}, {@code node_left}, {@code stale}, ...
   */
  public record Attempt(int number, String node, String startedAt, String endedAt,
      String outcome) {}

  public static TrialRecord pending(String key) {
    return new TrialRecord(key, TrialStatus.PENDING, null, 0, List.of(), null);
  }

  /** A new attempt owned by {@code node}. */
  public TrialRecord claim(String node, String now) {
    List<Attempt> list = new ArrayList<>(attempts);
    list.add(new Attempt(attempt + 1, node, now, null, null));
    return new TrialRecord(key, TrialStatus.RUNNING, node, attempt + 1, list, null);
  }

  /** The current attempt ended without a result (its node left, say); the trial waits again. */
  public TrialRecord release(String now, String outcome) {
    return new TrialRecord(key, TrialStatus.PENDING, null, attempt, endLast(now, outcome), null);
  }

  /** The current attempt's result is committed. */
  public TrialRecord complete(TrialResult r, String now) {
    return new TrialRecord(key, r.status(), owner, attempt, endLast(now, "committed"), r);
  }

  /** True when {@code node} owns {@code attemptNumber} and it may still commit. */
  public boolean ownedBy(String node, int attemptNumber) {
    return status == TrialStatus.RUNNING && node.equals(owner) && attempt == attemptNumber;
  }

  private List<Attempt> endLast(String now, String outcome) {
    List<Attempt> list = new ArrayList<>(attempts);
    if (!list.isEmpty()) {
      Attempt last = list.remove(list.size() - 1);
      list.add(new Attempt(last.number(), last.node(), last.startedAt(), now, outcome));
    }
    return list;
  }
}
