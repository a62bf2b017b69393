package gov.supervision.gateway.session;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import gov.supervision.gateway.tracing.RequestLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Sessions as MongoDB documents {@code {_id, created, lastAccessed, maxInactiveSeconds, expireAt,
 * attributes}}, the attributes as one serialized map. Expiry is checked on every read and swept by
 * {@link #removeExpired()} (a TTL index on {@code expireAt} does the same on MongoDB; the embedded
 * store accepts but does not enforce it). A renewed session id (after sign-in) replaces the old
 * document. A request that only moves the access time rewrites the document at most once per {@code
 * touchInterval}.
 */
public class MongoSessionRepository implements ReactiveSessionRepository<MapSession> {

  private static final Logger log = LoggerFactory.getLogger(MongoSessionRepository.class);

  /** The access time as stored, so a save can tell whether only the access time moved. */
  private static final String STORED_ACCESS = MongoSessionRepository.class.getName() + ".stored";

  /** The serialized attributes as stored. */
  private static final String STORED_BYTES = MongoSessionRepository.class.getName() + ".bytes";

  private final ReactiveMongoOperations mongo;
  private final SessionProperties properties;
  private final Clock clock;

  public MongoSessionRepository(
      ReactiveMongoOperations mongo, SessionProperties properties, Clock clock) {
    this.mongo = mongo;
    this.properties = properties;
    this.clock = clock;
  }

  /** The TTL index (enforced by MongoDB, ignored by the embedded store). */
  public Mono<Void> createIndexes() {
    return mongo
        .getCollection(properties.collection())
        .flatMap(
            c ->
                Mono.from(
                    c.createIndex(
                        Indexes.ascending("expireAt"),
                        new IndexOptions().expireAfter(0L, TimeUnit.SECONDS))))
        .then();
  }

  @Override
  public Mono<MapSession> createSession() {
    MapSession session = new MapSession();
    session.setCreationTime(clock.instant());
    session.setLastAccessedTime(session.getCreationTime());
    session.setMaxInactiveInterval(properties.idleTimeout());
    return Mono.just(session);
  }

  @Override
  public Mono<Void> save(MapSession session) {
    byte[] attributes = SessionSerializer.write(attributesOf(session));
    boolean renewed = !session.getId().equals(session.getOriginalId());
    if (!renewed && onlyTouchedRecently(session, attributes)) {
      return Mono.empty();
    }
    Instant expireAt = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
    Document document =
        new Document("_id", session.getId())
            .append("created", Date.from(session.getCreationTime()))
            .append("lastAccessed", Date.from(session.getLastAccessedTime()))
            .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
            .append("expireAt", Date.from(expireAt))
            .append("attributes", new Binary(attributes));
    Mono<Void> dropOld = renewed ? deleteById(session.getOriginalId()) : Mono.empty();
    return dropOld.then(
        mongo
            .getCollection(properties.collection())
            .flatMap(
                c ->
                    Mono.from(
                        c.replaceOne(
                            Filters.eq("_id", session.getId()),
                            document,
                            new ReplaceOptions().upsert(true))))
            .then());
  }

  private static Map<String, Object> attributesOf(MapSession session) {
    Map<String, Object> attributes = new java.util.HashMap<>();
    for (String name : session.getAttributeNames()) {
      if (!name.equals(STORED_ACCESS) && !name.equals(STORED_BYTES)) {
        attributes.put(name, session.getAttribute(name));
      }
    }
    return attributes;
  }

  private boolean onlyTouchedRecently(MapSession session, byte[] attributes) {
    Instant storedAccess = session.getAttribute(STORED_ACCESS);
    byte[] storedBytes = session.getAttribute(STORED_BYTES);
    return storedAccess != null
        && storedBytes != null
        && java.util.Arrays.equals(storedBytes, attributes)
        && Duration.between(storedAccess, session.getLastAccessedTime()).compareTo(touch(session))
            < 0;
  }

  /** The touch interval, never more than a tenth of the session's idle timeout. */
  private Duration touch(MapSession session) {
    Duration tenth = session.getMaxInactiveInterval().dividedBy(10);
    return tenth.compareTo(properties.touchInterval()) < 0 ? tenth : properties.touchInterval();
  }

  @Override
  public Mono<MapSession> findById(String id) {
    return mongo
        .getCollection(properties.collection())
        .flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first()))
        .flatMap(
            document ->
                Mono.deferContextual(
                    request -> {
                      MapSession session = toSession(id, document, request);
                      if (session == null || session.isExpired()) {
                        return deleteById(id).then(Mono.empty());
                      }
                      return Mono.just(session);
                    }));
  }

  private MapSession toSession(String id, Document document, ContextView request) {
    try {
      MapSession session = new MapSession(id);
      session.setCreationTime(document.getDate("created").toInstant());
      session.setMaxInactiveInterval(
          Duration.ofSeconds(document.get("maxInactiveSeconds", Number.class).longValue()));
      byte[] bytes = document.get("attributes", Binary.class).getData();
      SessionSerializer.read(bytes).forEach(session::setAttribute);
      Instant lastAccessed = document.getDate("lastAccessed").toInstant();
      session.setLastAccessedTime(lastAccessed);
      session.setAttribute(STORED_ACCESS, lastAccessed);
      session.setAttribute(STORED_BYTES, bytes);
      return session;
    } catch (RuntimeException e) {
      try (RequestLog ids = RequestLog.of(request)) {
        log.warn("dropping unreadable session: {}", e.getMessage());
      }
      return null;
    }
  }

  @Override
  public Mono<Void> deleteById(String id) {
    return mongo
        .getCollection(properties.collection())
        .flatMap(c -> Mono.from(c.deleteOne(Filters.eq("_id", id))))
        .then();
  }

  /** Removes every session past its end; the number removed. */
  public Mono<Long> removeExpired() {
    return mongo
        .getCollection(properties.collection())
        .flatMap(c -> Mono.from(c.deleteMany(Filters.lt("expireAt", Date.from(clock.instant())))))
        .map(result -> result.getDeletedCount());
  }
}
