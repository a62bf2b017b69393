package gov.supervision.notification.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids: the same (event, addressee) always gives the same notification id, so a
 * redelivered event collides with the notification it already made.
 */
public final class NotificationIds {

  private NotificationIds() {}

  /** The id of the notification of an event for an addressee. */
  public static String of(String eventId, Addressee addressee) {
    return UUID.nameUUIDFromBytes(
            (eventId + "|" + addressee.key()).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
