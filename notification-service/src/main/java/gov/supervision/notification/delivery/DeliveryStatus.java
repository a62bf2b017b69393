package gov.supervision.notification.delivery;

/** Where a channel delivery stands. */
public enum DeliveryStatus {
  PENDING,
  SENT,
  FAILED
}
