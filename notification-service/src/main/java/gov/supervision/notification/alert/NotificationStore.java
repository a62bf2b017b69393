package gov.supervision.notification.alert;

import gov.supervision.notification.domain.AddresseeKind;
import gov.supervision.notification.domain.NotificationType;
import gov.supervision.support.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The only class that queries the {@code notifications} collection: the writer's inserts (unique
 * per event and addressee), a caller's inbox (what is addressed to its {@code sub} or one of its
 * roles; read state per person in {@code readBy}), 签收 and the receipt reminders.
 */
@Component
public class NotificationStore {

  private final MongoTemplate mongo;

  NotificationStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Inserts the notification; false when one for its event and addressee is stored already (the
   * insert is the claim of the event for that addressee: a redelivery finds it taken).
   */
  public boolean insert(NotificationDocument notification) {
    try {
      mongo.insert(notification);
      return true;
    } catch (DuplicateKeyException alreadyStored) {
      return false;
    }
  }

  public Optional<NotificationDocument> find(String id) {
    return Optional.ofNullable(mongo.findById(id, NotificationDocument.class));
  }

  /** A page of what is addressed to the caller, newest first. */
  public List<NotificationDocument> page(
      CurrentUser user, Boolean unread, NotificationType type, int page, int size) {
    Query query =
        new Query(filter(user, unread, type))
            .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
            .skip((long) page * size)
            .limit(size);
    return mongo.find(query, NotificationDocument.class);
  }

  public long count(CurrentUser user, Boolean unread, NotificationType type) {
    return mongo.count(new Query(filter(user, unread, type)), NotificationDocument.class);
  }

  /** Marks the caller's notification read; empty when it is not addressed to the caller. */
  public Optional<NotificationDocument> markRead(CurrentUser user, String id) {
    return Optional.ofNullable(
        mongo.findAndModify(
            new Query(Criteria.where("_id").is(id).andOperator(addressedTo(user))),
            new Update().addToSet("readBy", user.sub()),
            FindAndModifyOptions.options().returnNew(true),
            NotificationDocument.class));
  }

  /** Marks everything addressed to the caller read; returns how many were unread. */
  public long markAllRead(CurrentUser user) {
    return mongo
        .updateMulti(
            new Query(filter(user, true, null)),
            new Update().addToSet("readBy", user.sub()),
            NotificationDocument.class)
        .getModifiedCount();
  }

  /** Records the receipt by {@code sub} at {@code at} unless one is recorded already. */
  public void acknowledge(String id, String sub, Instant at) {
    mongo.updateFirst(
        new Query(Criteria.where("_id").is(id).and("acknowledgedAt").is(null)),
        new Update().set("acknowledgedAt", at).addToSet("readBy", sub),
        NotificationDocument.class);
  }

  /** The notifications created by {@code cutoff} that still wait for a receipt and a reminder. */
  public List<NotificationDocument> unacknowledgedUnreminded(Instant cutoff) {
    return mongo.find(
        new Query(
            Criteria.where("receiptRequired")
                .is(true)
                .and("acknowledgedAt")
                .is(null)
                .and("reminded")
                .is(false)
                .and("createdAt")
                .lte(cutoff)),
        NotificationDocument.class);
  }

  public void reminded(String id) {
    mongo.updateFirst(
        new Query(Criteria.where("_id").is(id)),
        new Update().set("reminded", true),
        NotificationDocument.class);
  }

  private static Criteria filter(CurrentUser user, Boolean unread, NotificationType type) {
    Criteria criteria = addressedTo(user);
    if (Boolean.TRUE.equals(unread)) {
      criteria = new Criteria().andOperator(criteria, Criteria.where("readBy").ne(user.sub()));
    } else if (Boolean.FALSE.equals(unread)) {
      criteria = new Criteria().andOperator(criteria, Criteria.where("readBy").is(user.sub()));
    }
    if (type != null) {
      criteria = new Criteria().andOperator(criteria, Criteria.where("type").is(type));
    }
    return criteria;
  }

  private static Criteria addressedTo(CurrentUser user) {
    Criteria person =
        Criteria.where("addressee.kind")
            .is(AddresseeKind.PERSON)
            .and("addressee.id")
            .is(user.sub());
    if (user.roles().isEmpty()) {
      return person;
    }
    Criteria role =
        Criteria.where("addressee.kind")
            .is(AddresseeKind.ROLE)
            .and("addressee.id")
            .in(user.roles());
    return new Criteria().orOperator(person, role);
  }
}
