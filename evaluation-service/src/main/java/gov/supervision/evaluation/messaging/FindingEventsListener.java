package gov.supervision.evaluation.messaging;

import gov.supervision.contracts.Topics;
import gov.supervision.contracts.checklist.FindingRaised;
import gov.supervision.contracts.checklist.FindingRectified;
import gov.supervision.contracts.checklist.FindingVerified;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.evaluation.cadre.FindingLinks;
import gov.supervision.evaluation.domain.LinkedFinding;
import gov.supervision.support.messaging.CloudEventReader;
import gov.supervision.support.messaging.IncomingEvent;
import gov.supervision.support.messaging.deadletter.ReplayableListener;
import gov.supervision.support.web.RequestIdFilter;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Findings that name a cadre ({@code FindingRaised}, then {@code FindingRectified} / {@code
 * FindingVerified}) become linked findings in the cadre's file, once per {@code ce_id}. The event
 * id is claimed in the same write as the change: {@link FindingLinks} adds it to the cadre's
 * applied events together with the finding (a conditional save on the document's version), or, for
 * a cadre not registered yet, inserts the kept event under that id; a redelivery finds the claim
 * and changes nothing. The administrator's dead-letter replay hands the records it parked back here
 * ({@link ReplayableListener}).
 */
@Component
class FindingEventsListener implements ReplayableListener {

  private final CloudEventReader reader;
  private final FindingLinks links;
  private final Clock clock;

  FindingEventsListener(CloudEventReader reader, FindingLinks links, Clock clock) {
    this.reader = reader;
    this.links = links;
    this.clock = clock;
  }

  @KafkaListener(topics = Topics.CHECKLIST, groupId = "evaluation-service")
  @Override
  public void on(ConsumerRecord<String, String> record) {
    reader.read(record).ifPresent(this::handle);
  }

  private void handle(IncomingEvent event) {
    if (event.requestId() != null) {
      MDC.put(RequestIdFilter.MDC_KEY, event.requestId());
    }
    try {
      Instant at = event.time() == null ? clock.instant() : event.time();
      if (event.data() instanceof FindingRaised f && f.cadreId() != null) {
        links.apply(
            event.id(),
            f.cadreId(),
            true,
            finding(
                f.findingId(), f.item(), f.description(), f.severity(), "OPEN", f.rectifyBy(), at));
      } else if (event.data() instanceof FindingRectified f && f.cadreId() != null) {
        links.apply(
            event.id(),
            f.cadreId(),
            false,
            finding(f.findingId(), f.item(), null, null, "RECTIFIED", null, at));
      } else if (event.data() instanceof FindingVerified f && f.cadreId() != null) {
        String status = f.status() != null ? f.status() : f.accepted() ? "VERIFIED" : "RECTIFYING";
        links.apply(
            event.id(),
            f.cadreId(),
            false,
            finding(f.findingId(), f.item(), null, null, status, null, at));
      }
    } finally {
      MDC.remove(RequestIdFilter.MDC_KEY);
    }
  }

  private static LinkedFinding finding(
      String findingId,
      ItemFacts item,
      String description,
      String severity,
      String status,
      java.time.LocalDate rectifyBy,
      Instant at) {
    return new LinkedFinding(
        findingId,
        item == null ? null : item.itemId(),
        item == null ? null : item.checklistId(),
        item == null ? null : item.responsibleUnit(),
        description,
        severity,
        status,
        rectifyBy,
        at);
  }
}
