package gov.supervision.evaluation.accesslog;

import java.util.List;

/**
 * The outcome of a walk of the access-log chain ({@code GET /api/access-log/verify}).
 *
 * @param valid nothing is broken and no checkpoint is forged
 * @param checked entries found intact before the first break (all of them when valid)
 * @param firstBrokenSeq the first number where the chain breaks, or null
 * @param counter the number of the last entry handed out
 * @param head the number of the newest entry stored
 * @param gaps every run of missing entries and of declared {@code GAP} entries
 * @param checkpointSeq the newest checkpoint of this service
 * @param witnessedSeq the newest checkpoint the witness holds, or null
 * @param witness {@code MATCH}, {@code NONE} (the witness holds none yet), {@code BROKEN} or {@code
 *     UNAVAILABLE}
 * @param problems what is wrong, entry by entry
 */
public record Verification(
    boolean valid,
    long checked,
    Long firstBrokenSeq,
    long counter,
    long head,
    List<Gap> gaps,
    Long checkpointSeq,
    Long witnessedSeq,
    String witness,
    List<Problem> problems) {}
