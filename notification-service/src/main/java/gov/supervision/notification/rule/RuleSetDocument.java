package gov.supervision.notification.rule;

import gov.supervision.notification.domain.RuleDraft;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The whole rule set in one document, so that a change is applied in one write or not at all; every
 * change is kept in {@code history} (revision, by whom, when), the last also in {@code updatedBy}
 * and {@code updatedAt}.
 */
@Document(RuleSetDocument.COLLECTION)
record RuleSetDocument(
    @Id String id,
    List<RuleDraft> rules,
    long revision,
    String updatedBy,
    Instant updatedAt,
    List<RuleStore.Change> history) {

  static final String COLLECTION = "notification_rules";
  static final String ACTIVE = "active";
}
