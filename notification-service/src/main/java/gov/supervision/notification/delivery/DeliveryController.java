package gov.supervision.notification.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: list channel deliveries (e.g. the FAILED ones) and put them back in the queue. */
@RestController
@RequestMapping("/api/notifications/deliveries")
@PreAuthorize("hasRole('ADMIN')")
class DeliveryController {

  private final DeliveryQueue queue;

  DeliveryController(DeliveryQueue queue) {
    this.queue = queue;
  }

  @GetMapping
  DeliveryPage list(
      @RequestParam(required = false) DeliveryStatus status,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
    return new DeliveryPage(
        queue.list(status, page, size).stream().map(DeliveryResponse::from).toList(),
        page,
        size,
        queue.count(status));
  }

  @PostMapping("/{id}/retry")
  DeliveryResponse retryOne(@PathVariable String id) {
    return DeliveryResponse.from(queue.retryOne(id));
  }

  @PostMapping("/retry")
  Map<String, Long> retryAll() {
    return Map.of("retried", queue.retryFailed(null));
  }
}
