package gov.supervision.notification.delivery;

/** Application event: deliveries are waiting, wake the worker. */
record DeliveriesQueued() {}
