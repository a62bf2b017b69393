package gov.supervision.support.outbox;

import gov.supervision.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in aggregate documents, in order per document, then removes each
 * from its document. It runs when a save wakes it and otherwise sweeps at a fixed interval, so
 * nothing is lost when the broker is away or the service stopped between write and send. Delivery
 * is at-least-once: consumers are idempotent by {@code ce_id}.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final MongoTemplate mongo;
  private final KafkaTemplate<String, String> kafka;
  private final OutboxProperties properties;

  /** Ids of events already published, kept for {@code sentLogRetention}. */
  static final String SENT_LOG = "outbox_sent";

  private final Semaphore wakeUps = new Semaphore(0);

  /** Documents just saved with pending events: relayed by id, without scanning a collection. */
  private final java.util.concurrent.ConcurrentLinkedQueue<SavedDocument> saved =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private record SavedDocument(String collection, Object id) {}

  private volatile boolean sweepNow = true;
  private volatile long lastSweep = System.nanoTime();
  private volatile Instant lastCleanup = Instant.EPOCH;
  private volatile Thread worker;
  private volatile boolean running;

  public OutboxRelay(
      MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties) {
    this.mongo = mongo;
    this.kafka = kafka;
    this.properties = properties;
  }

  /** Asks the relay to look for pending events in every collection now. */
  public void wake() {
    sweepNow = true;
    wakeUps.release();
  }

  /** Tells the relay that a document with pending events was just saved: it goes out at once. */
  public void saved(String collection, Object id) {
    if (properties.collections().contains(collection)) {
      saved.add(new SavedDocument(collection, id));
      wakeUps.release();
    } else {
      wake();
    }
  }

  /** Publishes the pending events of the documents named by {@link #saved}. */
  synchronized int relaySaved() {
    int sent = 0;
    java.util.Set<SavedDocument> batch = new java.util.LinkedHashSet<>();
    for (SavedDocument next; (next = saved.poll()) != null; ) {
      batch.add(next);
    }
    for (SavedDocument document : batch) {
      Document aggregate =
          mongo.findOne(
              new Query(Criteria.where("_id").is(document.id())),
              Document.class,
              document.collection());
      if (aggregate != null) {
        sent += relayDocument(document.collection(), aggregate);
      }
    }
    return sent;
  }

  /**
   * Publishes everything pending once; returns how many events were sent. One run at a time per
   * instance, so a call from a test or an operator never races the background loop.
   */
  public synchronized int relayPending() {
    int sent = 0;
    for (String collection : properties.collections()) {
      Query pending = new Query(Criteria.where(OutboxEvent.FIELD + ".0").exists(true));
      for (Document aggregate : mongo.find(pending, Document.class, collection)) {
        sent += relayDocument(collection, aggregate);
      }
    }
    return sent;
  }

  private int relayDocument(String collection, Document aggregate) {
    int sent = 0;
    List<Document> events = aggregate.getList(OutboxEvent.FIELD, Document.class, List.of());
    for (Document event : events) {
      String eventId = event.getString("eventId");
      try {
        if (!alreadySent(eventId)) {
          publish(event);
          markSent(eventId);
        }
      } catch (Exception e) {
        log.warn(
            "outbox: could not publish {} of {} {}; will retry: {}",
            event.getString("type"),
            collection,
            aggregate.get("_id"),
            e.toString());
        return sent; // keep the order: later events of this aggregate wait for this one
      }
      mongo.updateFirst(
          new Query(Criteria.where("_id").is(aggregate.get("_id"))),
          new Update().pull(OutboxEvent.FIELD, new Document("eventId", eventId)),
          collection);
      sent++;
    }
    return sent;
  }

  /**
   * An event already sent can come back into its document when a request saves a copy of the
   * aggregate it read before the relay removed the event; the sent-log keeps it from going out
   * twice.
   */
  private boolean alreadySent(String eventId) {
    return mongo.exists(new Query(Criteria.where("_id").is(eventId)), SENT_LOG);
  }

  private void markSent(String eventId) {
    try {
      mongo.insert(new Document("_id", eventId).append("at", new Date()), SENT_LOG);
    } catch (DuplicateKeyException e) {
      // another relay sent it too; consumers are idempotent by ce_id
    }
  }

  private void forgetOldSentEvents() {
    Instant now = Instant.now();
    if (now.isAfter(lastCleanup.plus(Duration.ofHours(1)))) {
      lastCleanup = now;
      mongo.remove(
          new Query(Criteria.where("at").lt(Date.from(now.minus(properties.sentLogRetention())))),
          SENT_LOG);
    }
  }

  private void publish(Document event) throws Exception {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            event.getString("topic"), event.getString("key"), event.getString("payload"));
    Headers headers = record.headers();
    header(headers, CloudEventHeaders.ID, event.getString("eventId"));
    header(headers, CloudEventHeaders.TYPE, event.getString("type"));
    header(headers, CloudEventHeaders.SOURCE, properties.source());
    header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
    header(headers, CloudEventHeaders.SUBJECT, event.getString("key"));
    Object time = event.get("time");
    header(
        headers,
        CloudEventHeaders.TIME,
        time instanceof Date date ? date.toInstant().toString() : String.valueOf(time));
    header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    if (event.getString("requestId") != null) {
      header(headers, CloudEventHeaders.REQUEST_ID, event.getString("requestId"));
    }
    if (event.getString("traceParent") != null) {
      header(headers, CloudEventHeaders.TRACE_PARENT, event.getString("traceParent"));
    }
    kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void header(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private void loop() {
    Duration sweep = properties.sweepInterval();
    while (running) {
      try {
        wakeUps.tryAcquire(sweep.toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
        if (running) {
          relaySaved();
          // the sweep (a scan of every collection) only at its interval: it catches what a
          // crash, a failed send or another instance left behind
          if (sweepNow || System.nanoTime() - lastSweep >= sweep.toNanos()) {
            sweepNow = false;
            relayPending();
            lastSweep = System.nanoTime();
            forgetOldSentEvents();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        log.warn("outbox: sweep failed; will retry: {}", e.toString());
      }
    }
  }

  @Override
  public void start() {
    running = true;
    worker = new Thread(this::loop, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread current = worker;
    if (current != null) {
      current.interrupt();
      try {
        current.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
