package gov.supervision.notification.delivery;

import java.util.List;

/** A page of deliveries. */
record DeliveryPage(List<DeliveryResponse> content, int page, int size, long totalElements) {}
