package gov.supervision.support.outbox;

import gov.supervision.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in aggregate documents, in order per document, then removes each
 * from its document. It runs when a save wakes it and otherwise sweeps at a fixed interval, so
 * nothing is lost when the broker is away or the service stopped between write and send. Many
 * documents go out together (one read, their sends in flight at once, one bulk write to record and
 * remove what was sent), so a burst of saves costs a few round trips, not several per event.
 * Delivery is at-least-once: consumers are idempotent by {@code ce_id}.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final MongoTemplate mongo;
  private final KafkaTemplate<String, String> kafka;
  private final OutboxProperties properties;

  /** Documents relayed together (one query, one round of sends, one bulk write each). */
  private static final int BATCH = 500;

  private static final int DUPLICATE_KEY = 11000;

  /** Ids of events already published, kept for {@code sentLogRetention}. */
  static final String SENT_LOG = "outbox_sent";

  private final Semaphore wakeUps = new Semaphore(0);

  /** Documents just saved with pending events: relayed by id, without scanning a collection. */
  private final ConcurrentLinkedQueue<SavedDocument> saved = new ConcurrentLinkedQueue<>();

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
    Map<String, Set<Object>> batch = new LinkedHashMap<>();
    for (SavedDocument next; (next = saved.poll()) != null; ) {
      batch.computeIfAbsent(next.collection(), c -> new LinkedHashSet<>()).add(next.id());
    }
    int sent = 0;
    for (Map.Entry<String, Set<Object>> ofCollection : batch.entrySet()) {
      List<Object> ids = new ArrayList<>(ofCollection.getValue());
      for (int from = 0; from < ids.size(); from += BATCH) {
        // by _id alone (a document without events is skipped below), so any store uses its index
        Query pending =
            new Query(
                Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + BATCH))));
        pending.fields().include(OutboxEvent.FIELD);
        sent +=
            relayDocuments(
                ofCollection.getKey(), mongo.find(pending, Document.class, ofCollection.getKey()));
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
      pending.fields().include(OutboxEvent.FIELD);
      List<Document> documents = mongo.find(pending, Document.class, collection);
      for (int from = 0; from < documents.size(); from += BATCH) {
        sent +=
            relayDocuments(
                collection, documents.subList(from, Math.min(documents.size(), from + BATCH)));
      }
    }
    return sent;
  }

  /**
   * Publishes the pending events of many documents together: in rounds, each round sending the next
   * event of every document at once and waiting for the broker's acknowledgements, so one
   * document's events still go out strictly in order (a later event is sent only once the one
   * before it was acknowledged) while the documents do not wait for each other. A document whose
   * event fails drops out of this run; its remaining events wait for the next one. Each round's
   * sent events are recorded in the sent-log, then removed from their documents.
   */
  private int relayDocuments(String collection, List<Document> aggregates) {
    Map<Object, Deque<Document>> pending = new LinkedHashMap<>();
    List<String> eventIds = new ArrayList<>();
    for (Document aggregate : aggregates) {
      List<Document> events = aggregate.getList(OutboxEvent.FIELD, Document.class, List.of());
      if (!events.isEmpty()) {
        pending.put(aggregate.get("_id"), new ArrayDeque<>(events));
        events.forEach(e -> eventIds.add(e.getString("eventId")));
      }
    }
    Set<String> alreadySent = alreadySent(eventIds);
    int sent = 0;
    while (!pending.isEmpty()) {
      Map<Object, Document> round = new LinkedHashMap<>();
      Map<Object, CompletableFuture<?>> sends = new LinkedHashMap<>();
      pending.forEach(
          (id, events) -> {
            Document event = events.peek();
            round.put(id, event);
            if (!alreadySent.contains(event.getString("eventId"))) {
              sends.put(id, publish(event));
            }
          });
      long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
      List<Document> done = new ArrayList<>();
      List<String> newlySent = new ArrayList<>();
      for (Map.Entry<Object, Document> next : round.entrySet()) {
        Object id = next.getKey();
        Document event = next.getValue();
        CompletableFuture<?> send = sends.get(id);
        try {
          if (send != null) {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            newlySent.add(event.getString("eventId"));
          }
          done.add(new Document("_id", id).append("eventId", event.getString("eventId")));
          Deque<Document> rest = pending.get(id);
          rest.poll();
          if (rest.isEmpty()) {
            pending.remove(id);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          pending.remove(id);
        } catch (Exception e) {
          log.warn(
              "outbox: could not publish {} of {} {}; will retry: {}",
              event.getString("type"),
              collection,
              id,
              e.toString());
          pending.remove(id); // keep the order: later events of this aggregate wait for this one
        }
      }
      markSent(newlySent);
      removeFromDocuments(collection, done);
      sent += done.size();
    }
    return sent;
  }

  /**
   * Ids among {@code eventIds} that were sent before. An event already sent can come back into its
   * document when a request saves a copy of the aggregate it read before the relay removed the
   * event; the sent-log keeps it from going out twice.
   */
  private Set<String> alreadySent(List<String> eventIds) {
    Set<String> sent = new HashSet<>();
    for (int from = 0; from < eventIds.size(); from += BATCH) {
      Query query =
          new Query(
              Criteria.where("_id")
                  .in(eventIds.subList(from, Math.min(eventIds.size(), from + BATCH))));
      query.fields().include("_id");
      mongo.find(query, Document.class, SENT_LOG).forEach(d -> sent.add(d.getString("_id")));
    }
    return sent;
  }

  private void markSent(List<String> eventIds) {
    if (eventIds.isEmpty()) {
      return;
    }
    Date now = new Date();
    BulkOperations log = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SENT_LOG);
    eventIds.forEach(id -> log.insert(new Document("_id", id).append("at", now)));
    try {
      log.execute();
    } catch (BulkOperationException e) {
      if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
        throw e;
      }
      // another relay sent some of them too; consumers are idempotent by ce_id
    }
  }

  /** Removes each sent event ({@code _id} of its document, {@code eventId}) from its document. */
  private void removeFromDocuments(String collection, List<Document> sent) {
    if (sent.isEmpty()) {
      return;
    }
    BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
    for (Document event : sent) {
      removals.updateOne(
          new Query(Criteria.where("_id").is(event.get("_id"))),
          new Update()
              .pull(OutboxEvent.FIELD, new Document("eventId", event.getString("eventId"))));
    }
    removals.execute();
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

  /** Sends the event; the future completes when the broker acknowledged it. */
  private CompletableFuture<?> publish(Document event) {
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
    try {
      return kafka.send(record);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
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
