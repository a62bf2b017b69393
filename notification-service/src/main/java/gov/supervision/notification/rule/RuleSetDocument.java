package gov.supervision.notification.rule;

import gov.supervision.notification.domain.RuleDraft;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The whole rule set in one document, so that a change is applied in one write or not at all. */
@Document(RuleSetDocument.COLLECTION)
record RuleSetDocument(
    @Id String id, List<RuleDraft> rules, long revision, String updatedBy, Instant updatedAt) {

  static final String COLLECTION = "notification_rules";
  static final String ACTIVE = "active";
}
