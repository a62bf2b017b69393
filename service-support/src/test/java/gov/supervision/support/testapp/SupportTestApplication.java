package gov.supervision.support.testapp;

import gov.supervision.contracts.Refusal;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.contracts.checklist.ItemOverdue;
import gov.supervision.support.outbox.OutboxEvent;
import gov.supervision.support.outbox.OutboxEvents;
import gov.supervision.support.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tiny service built on service-support, to test what every service inherits from it. */
@SpringBootApplication
public class SupportTestApplication {

  /** What the test service creates. */
  record WidgetRequest(
      @NotBlank String name,
      @Pattern(regexp = "[A-Z]{2,10}") String unit,
      @Min(1) @Max(5) int size) {}

  record Widget(String id, String name, String unit, int size, String createdBy) {}

  @RestController
  public static class WidgetController {

    private final Map<String, Widget> widgets = new ConcurrentHashMap<>();
    private final AtomicInteger creations = new AtomicInteger();
    private final OutboxEvents outboxEvents;

    WidgetController(OutboxEvents outboxEvents) {
      this.outboxEvents = outboxEvents;
    }

    public int creations() {
      return creations.get();
    }

    public boolean anyNamed(String name) {
      return widgets.values().stream().anyMatch(w -> w.name().equals(name));
    }

    @PostMapping("/api/widgets")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN')")
    ResponseEntity<Widget> create(@Valid @RequestBody WidgetRequest request, CurrentUser user) {
      creations.incrementAndGet();
      Widget widget =
          new Widget(
              UUID.randomUUID().toString(),
              request.name(),
              request.unit(),
              request.size(),
              user.sub());
      widgets.put(widget.id(), widget);
      return ResponseEntity.created(URI.create("/api/widgets/" + widget.id())).body(widget);
    }

    @GetMapping("/api/widgets/{id}")
    Widget get(@PathVariable String id) {
      Widget widget = widgets.get(id);
      if (widget == null) {
        throw Refusal.notFound("widget", id);
      }
      return widget;
    }

    /** The event a change to the widget would leave in its outbox (with request and trace). */
    @GetMapping("/api/widgets/{id}/pending-event")
    OutboxEvent pendingEvent(@PathVariable String id) {
      return outboxEvents.of(
          new ItemOverdue(
              new ItemFacts(id, "c1", "内容", "FGW", "lead-fgw", LocalDate.parse("2026-02-01"))));
    }

    @GetMapping("/api/boom")
    Widget boom() {
      throw new IllegalStateException("secret internal detail in gov.supervision.Boom");
    }
  }
}
