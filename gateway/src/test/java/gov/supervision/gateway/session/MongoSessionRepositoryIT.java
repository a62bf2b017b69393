package gov.supervision.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import gov.supervision.testsupport.HelloAwareMemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.session.MapSession;
import reactor.core.publisher.Mono;

/** The session store on a MongoDB wire-protocol server over TCP, with the reactive driver. */
class MongoSessionRepositoryIT {

  static MongoServer server;
  static MongoClient client;
  static ReactiveMongoTemplate mongo;

  final SessionProperties properties =
      new SessionProperties(
          Duration.ofMinutes(30),
          true,
          "SESSION",
          "sessions",
          Duration.ofMinutes(1),
          Duration.ofSeconds(10));
  final MongoSessionRepository repository =
      new MongoSessionRepository(mongo, properties, Clock.systemUTC());

  @BeforeAll
  static void start() {
    server = new MongoServer(new HelloAwareMemoryBackend());
    server.bind("127.0.0.1", 0);
    client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    mongo = new ReactiveMongoTemplate(client, "gateway");
  }

  @AfterAll
  static void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void aSavedSessionIsFoundWithItsAttributesAndIdleTimeout() {
    MapSession session = repository.createSession().block();
    session.setAttribute("who", List.of("lead-fgw", "FGW"));
    repository.save(session).block();

    MapSession found = repository.findById(session.getId()).block();

    assertThat(found).isNotNull();
    assertThat(found.<List<String>>getAttribute("who")).containsExactly("lead-fgw", "FGW");
    assertThat(found.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void anIdleSessionIsGoneAndRemovedFromTheStore() {
    MapSession session = repository.createSession().block();
    session.setMaxInactiveInterval(Duration.ofSeconds(1));
    session.setLastAccessedTime(Instant.now().minusSeconds(5));
    session.setAttribute("x", "y");
    repository.save(session).block();

    assertThat(repository.findById(session.getId()).blockOptional()).isEmpty();
    assertThat(count(session.getId())).isZero();
  }

  @Test
  void theSweepRemovesEndedSessionsOnly() {
    MapSession ended = repository.createSession().block();
    ended.setMaxInactiveInterval(Duration.ofSeconds(1));
    ended.setLastAccessedTime(Instant.now().minusSeconds(5));
    repository.save(ended).block();
    MapSession live = repository.createSession().block();
    repository.save(live).block();

    assertThat(repository.removeExpired().block()).isGreaterThanOrEqualTo(1L);

    assertThat(count(ended.getId())).isZero();
    assertThat(count(live.getId())).isOne();
  }

  @Test
  void aRenewedIdReplacesTheOldDocument() {
    MapSession session = repository.createSession().block();
    repository.save(session).block();
    MapSession loaded = repository.findById(session.getId()).block();
    String old = loaded.getId();

    loaded.changeSessionId();
    repository.save(loaded).block();

    assertThat(count(old)).isZero();
    assertThat(repository.findById(loaded.getId()).block()).isNotNull();
  }

  @Test
  void aStoredObjectOfAClassOffTheListIsRefusedAndTheSessionDropped() throws Exception {
    MapSession session = repository.createSession().block();
    repository.save(session).block();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(
          new java.util.HashMap<>(Map.of("evil", new javax.management.ObjectName("a:b=c"))));
    }
    Mono.from(
            mongo
                .getCollection("sessions")
                .block()
                .updateOne(
                    new Document("_id", session.getId()),
                    new Document(
                        "$set", new Document("attributes", new Binary(bytes.toByteArray())))))
        .block();

    assertThat(repository.findById(session.getId()).blockOptional()).isEmpty();
    assertThat(count(session.getId())).isZero();
  }

  private long count(String id) {
    return Mono.from(
            mongo.getCollection("sessions").block().countDocuments(new Document("_id", id)))
        .block();
  }
}
