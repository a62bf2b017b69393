package gov.supervision.notification.witness;

import gov.supervision.contracts.accesslog.AccessLogCheckpointed;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The witnessed checkpoints (collection {@code witnessed_checkpoints}, {@code _id = seq}): the
 * first checkpoint of each number is kept and never changed; a redelivery of it changes nothing,
 * and a different checkpoint for a number already witnessed (the log was rewritten and signed
 * again) is only added to that number's {@code conflicts}, so the auditors see it.
 */
@Component
public class WitnessedCheckpointStore {

  private static final Logger log = LoggerFactory.getLogger(WitnessedCheckpointStore.class);

  private final MongoTemplate mongo;
  private final Clock clock;

  WitnessedCheckpointStore(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * Keeps the checkpoint unless its number is witnessed already: the insert under {@code _id = seq}
   * is the claim, so a redelivery (or a second replica) finds the number taken and only a different
   * checkpoint is recorded, once, as a conflict.
   */
  public void keep(AccessLogCheckpointed checkpoint, String eventId) {
    try {
      mongo.insert(
          new WitnessedCheckpointDocument(
              checkpoint.seq(),
              checkpoint.headHash(),
              checkpoint.time(),
              checkpoint.keyId(),
              checkpoint.signature(),
              eventId,
              clock.instant(),
              List.of()));
    } catch (DuplicateKeyException witnessedAlready) {
      Query differs =
          new Query(
              Criteria.where("_id")
                  .is(checkpoint.seq())
                  .and("signature")
                  .ne(checkpoint.signature()));
      Update conflict =
          new Update()
              .addToSet(
                  "conflicts",
                  new WitnessedCheckpointDocument.Conflict(
                      checkpoint.headHash(), checkpoint.time(), checkpoint.signature(), eventId));
      if (mongo.updateFirst(differs, conflict, WitnessedCheckpointDocument.class).getModifiedCount()
          > 0) {
        log.error(
            "access-log checkpoint {} witnessed again with another hash {}: the first is kept",
            checkpoint.seq(),
            checkpoint.headHash());
      }
    }
  }

  /** A page of the witnessed checkpoints, newest first. */
  List<Witnessed> page(int page, int size) {
    Query query = new Query().with(Sort.by(Sort.Direction.DESC, "_id"));
    query.skip((long) page * size).limit(size);
    return mongo.find(query, WitnessedCheckpointDocument.class).stream()
        .map(WitnessedCheckpointDocument::witnessed)
        .toList();
  }

  long count() {
    return mongo.count(new Query(), WitnessedCheckpointDocument.class);
  }
}
