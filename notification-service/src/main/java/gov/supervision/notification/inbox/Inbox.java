package gov.supervision.notification.inbox;

import gov.supervision.notification.alert.NotificationDocument;
import gov.supervision.notification.domain.AddresseeKind;
import gov.supervision.notification.domain.NotificationType;
import gov.supervision.support.security.CurrentUser;
import gov.supervision.support.web.ApiProblem;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A caller's view of the notifications: those addressed to its {@code sub} or to one of its roles.
 * Anything else does not exist for it (404). Read state is per person: {@code readBy} gains the
 * caller's sub.
 */
@Component
class Inbox {

  private final MongoTemplate mongo;
  private final Clock clock;

  Inbox(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  List<NotificationDocument> page(
      CurrentUser user, Boolean unread, NotificationType type, int page, int size) {
    Query query =
        new Query(filter(user, unread, type))
            .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
            .skip((long) page * size)
            .limit(size);
    return mongo.find(query, NotificationDocument.class);
  }

  long count(CurrentUser user, Boolean unread, NotificationType type) {
    return mongo.count(new Query(filter(user, unread, type)), NotificationDocument.class);
  }

  NotificationDocument markRead(CurrentUser user, String id) {
    NotificationDocument doc =
        mongo.findAndModify(
            new Query(Criteria.where("_id").is(id).andOperator(addressedTo(user))),
            new Update().addToSet("readBy", user.sub()),
            FindAndModifyOptions.options().returnNew(true),
            NotificationDocument.class);
    if (doc == null) {
      throw ApiProblem.notFound("通知 notification", id);
    }
    return doc;
  }

  long markAllRead(CurrentUser user) {
    return mongo
        .updateMulti(
            new Query(filter(user, true, null)),
            new Update().addToSet("readBy", user.sub()),
            NotificationDocument.class)
        .getModifiedCount();
  }

  /** 签收: only a person's own notification that asks for a receipt; it counts as read too. */
  NotificationDocument acknowledge(CurrentUser user, String id) {
    NotificationDocument doc = mongo.findById(id, NotificationDocument.class);
    if (doc == null || !visibleTo(doc, user)) {
      throw ApiProblem.notFound("通知 notification", id);
    }
    if (!doc.receiptRequired()) {
      throw ApiProblem.conflict(
          "receipt-not-required", "该通知无需签收 this notification needs no acknowledgement");
    }
    if (doc.acknowledgedAt() == null) {
      mongo.updateFirst(
          new Query(Criteria.where("_id").is(id).and("acknowledgedAt").is(null)),
          new Update().set("acknowledgedAt", clock.instant()).addToSet("readBy", user.sub()),
          NotificationDocument.class);
    }
    return mongo.findById(id, NotificationDocument.class);
  }

  private static boolean visibleTo(NotificationDocument doc, CurrentUser user) {
    return doc.addressee().kind() == AddresseeKind.PERSON
        ? doc.addressee().id().equals(user.sub())
        : user.hasRole(doc.addressee().id());
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
