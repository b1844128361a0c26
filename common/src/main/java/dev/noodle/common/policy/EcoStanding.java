package dev.noodle.common.policy;

/**
 * One ECO's row of the leaderboard.
 *
 * @param eco ECO name
 * @param ecoClass its class key
 * @param trials finished trials that tried it
 * @param succeeded trials with trusted metrics
 * @param failed failures that count against the ECO
 * @param improved trials whose WNS beat their parent's
 * @param regressed trials whose WNS fell below their parent's
 * @param bestGainPs largest WNS gain over the parent, or null when none succeeded
 * @param meanGainPs mean WNS gain over the parent, or null when none succeeded
 * @param bestCase case with the largest gain, or null
 * @param prior the resulting prior
 * @param quarantined true when containment took the ECO out of the study
 */
public record EcoStanding(String eco, String ecoClass, int trials, int succeeded, int failed,
    int improved, int regressed, Double bestGainPs, Double meanGainPs, String bestCase,
    Prior prior, boolean quarantined) {}
