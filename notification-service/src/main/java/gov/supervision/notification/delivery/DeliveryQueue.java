package gov.supervision.notification.delivery;

import gov.supervision.contracts.Refusal;
import gov.supervision.notification.config.NotificationProperties;
import gov.supervision.notification.domain.Addressee;
import gov.supervision.notification.domain.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The deliveries collection as a durable queue: queued after the notification is stored, claimed by
 * the worker with {@code findAndModify} (a crashed worker's claim expires), then marked SENT or
 * FAILED. What this instance has just queued it also remembers in memory, so the worker claims
 * those by id ({@link #claimJustQueued}) instead of searching the collection for due deliveries,
 * which it does only at its sweep ({@link #claimNext}: what another instance, a restart or a
 * deferral left).
 */
@Component
public class DeliveryQueue {

  private final MongoTemplate mongo;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final NotificationProperties.Delivery settings;
  private final boolean webhookConfigured;
  private final Queue<String> justQueued = new ConcurrentLinkedQueue<>();

  DeliveryQueue(
      MongoTemplate mongo,
      Clock clock,
      ApplicationEventPublisher events,
      NotificationProperties properties) {
    this.mongo = mongo;
    this.clock = clock;
    this.events = events;
    this.settings = properties.delivery();
    this.webhookConfigured = !properties.webhook().endpoints().isEmpty();
  }

  /**
   * Queues the delivery of a notification by a channel, once. With no webhook URL configured there
   * is no one to deliver a webhook to, so none is queued (the in-app notification remains).
   */
  public void enqueue(String notificationId, Channel channel, Addressee addressee) {
    if (channel == Channel.WEBHOOK && !webhookConfigured) {
      return;
    }
    Instant now = clock.instant();
    String id = notificationId + ":" + channel;
    try {
      mongo.insert(
          new DeliveryDocument(
              id,
              notificationId,
              channel,
              addressee,
              DeliveryStatus.PENDING,
              0,
              0,
              null,
              now,
              now,
              now));
    } catch (DuplicateKeyException alreadyQueued) {
      // queued before; if it is still pending, the claim by id below takes it
    }
    justQueued.add(id);
  }

  /** Tells the worker there is work. */
  public void wake() {
    events.publishEvent(new DeliveriesQueued());
  }

  /**
   * Claims the next delivery this instance queued, by id, if it is still pending and due; null when
   * none is left.
   */
  DeliveryDocument claimJustQueued() {
    for (String id; (id = justQueued.poll()) != null; ) {
      Instant now = clock.instant();
      DeliveryDocument claimed =
          mongo.findAndModify(
              new Query(
                  Criteria.where("_id")
                      .is(id)
                      .and("status")
                      .is(DeliveryStatus.PENDING)
                      .and("notBefore")
                      .lte(now)),
              new Update().set("notBefore", now.plus(settings.claimTtl())),
              FindAndModifyOptions.options().returnNew(true),
              DeliveryDocument.class);
      if (claimed != null) {
        return claimed;
      }
    }
    return null;
  }

  /** Claims the due pending delivery waiting longest, searching the whole queue. */
  DeliveryDocument claimNext() {
    Instant now = clock.instant();
    Query due =
        new Query(Criteria.where("status").is(DeliveryStatus.PENDING).and("notBefore").lte(now))
            .with(Sort.by("notBefore"));
    return mongo.findAndModify(
        due,
        new Update().set("notBefore", now.plus(settings.claimTtl())),
        FindAndModifyOptions.options().returnNew(true),
        DeliveryDocument.class);
  }

  void sent(DeliveryDocument d, int attempts) {
    finish(d, DeliveryStatus.SENT, attempts, d.lastError());
  }

  void failed(DeliveryDocument d, int attempts, String error) {
    finish(d, DeliveryStatus.FAILED, attempts, error);
  }

  /** The channel's circuit is open: try again later, or give up after too many deferrals. */
  void defer(DeliveryDocument d, int attempts, String error) {
    if (d.deferrals() + 1 >= settings.maxDeferrals()) {
      finish(d, DeliveryStatus.FAILED, attempts, error);
      return;
    }
    Instant now = clock.instant();
    mongo.updateFirst(
        byId(d.id()),
        new Update()
            .inc("attempts", attempts)
            .inc("deferrals", 1)
            .set("lastError", error)
            .set("updatedAt", now)
            .set("notBefore", now.plus(settings.openCircuitDelay())),
        DeliveryDocument.class);
  }

  private void finish(DeliveryDocument d, DeliveryStatus status, int attempts, String error) {
    mongo.updateFirst(
        byId(d.id()),
        new Update()
            .set("status", status)
            .inc("attempts", attempts)
            .set("lastError", error)
            .set("updatedAt", clock.instant()),
        DeliveryDocument.class);
  }

  DeliveryDocument find(String id) {
    return mongo.findById(id, DeliveryDocument.class);
  }

  List<DeliveryDocument> list(DeliveryStatus status, int page, int size) {
    Query query = status == null ? new Query() : new Query(Criteria.where("status").is(status));
    return mongo.find(
        query.with(Sort.by(Sort.Direction.DESC, "updatedAt")).skip((long) page * size).limit(size),
        DeliveryDocument.class);
  }

  long count(DeliveryStatus status) {
    Query query = status == null ? new Query() : new Query(Criteria.where("status").is(status));
    return mongo.count(query, DeliveryDocument.class);
  }

  /**
   * Puts one FAILED delivery back in the queue and returns it; refuses an unknown id (404) and one
   * that has not failed (409).
   */
  DeliveryDocument retryOne(String id) {
    DeliveryDocument d = find(id);
    if (d == null) {
      throw Refusal.notFound("投递 delivery", id);
    }
    if (d.status() != DeliveryStatus.FAILED) {
      throw Refusal.conflict(
          "delivery-not-failed", "只能重试失败的投递 only FAILED deliveries can be retried: " + d.status());
    }
    retryFailed(id);
    return find(id);
  }

  /** Puts FAILED deliveries (one, or all when {@code id} is null) back in the queue. */
  long retryFailed(String id) {
    Criteria failed = Criteria.where("status").is(DeliveryStatus.FAILED);
    if (id != null) {
      failed = failed.and("_id").is(id);
    }
    Instant now = clock.instant();
    long changed =
        mongo
            .updateMulti(
                new Query(failed),
                new Update()
                    .set("status", DeliveryStatus.PENDING)
                    .set("deferrals", 0)
                    .set("notBefore", now)
                    .set("updatedAt", now),
                DeliveryDocument.class)
            .getModifiedCount();
    if (changed > 0) {
      wake();
    }
    return changed;
  }

  private static Query byId(String id) {
    return new Query(Criteria.where("_id").is(id));
  }
}
