package gov.supervision.notification.witness;

import gov.supervision.contracts.accesslog.AccessLogCheckpointed;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
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
class WitnessedCheckpoints {

  private static final Logger log = LoggerFactory.getLogger(WitnessedCheckpoints.class);
  static final String COLLECTION = "witnessed_checkpoints";

  private final MongoTemplate mongo;
  private final Clock clock;

  WitnessedCheckpoints(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** One witnessed checkpoint as the auditors see it. */
  record Witnessed(
      long seq,
      String headHash,
      Instant time,
      String keyId,
      String signature,
      String eventId,
      Instant witnessedAt,
      int conflicts) {

    static Witnessed from(Document d) {
      return new Witnessed(
          ((Number) d.get("_id")).longValue(),
          d.getString("headHash"),
          d.getDate("time").toInstant(),
          d.getString("keyId"),
          d.getString("signature"),
          d.getString("eventId"),
          d.getDate("witnessedAt").toInstant(),
          d.getList("conflicts", Document.class, List.of()).size());
    }
  }

  /** Keeps the checkpoint unless its number is witnessed already. */
  void keep(AccessLogCheckpointed checkpoint, String eventId) {
    Document doc =
        new Document("_id", checkpoint.seq())
            .append("headHash", checkpoint.headHash())
            .append("time", Date.from(checkpoint.time()))
            .append("keyId", checkpoint.keyId())
            .append("signature", checkpoint.signature())
            .append("eventId", eventId)
            .append("witnessedAt", Date.from(clock.instant()));
    try {
      mongo.insert(doc, COLLECTION);
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
                  new Document("headHash", checkpoint.headHash())
                      .append("time", Date.from(checkpoint.time()))
                      .append("signature", checkpoint.signature())
                      .append("eventId", eventId));
      if (mongo.updateFirst(differs, conflict, COLLECTION).getModifiedCount() > 0) {
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
    return mongo.find(query, Document.class, COLLECTION).stream().map(Witnessed::from).toList();
  }

  long count() {
    return mongo.count(new Query(), COLLECTION);
  }
}
