package gov.supervision.evaluation.cadre;

import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.CadreStatus;
import gov.supervision.evaluation.domain.EvaluationRecord;
import gov.supervision.evaluation.domain.LinkedFinding;
import gov.supervision.evaluation.domain.Purpose;
import gov.supervision.support.outbox.OutboxEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a cadre and the whole file are stored: one document per cadre, so a record, its veto change
 * and the events they cause are one single-document write (outbox inside the aggregate).
 */
@Document(CadreDocument.COLLECTION)
public class CadreDocument {

  /** The collection name, also listed in {@code supervision.outbox.collections}. */
  public static final String COLLECTION = "cadres";

  @Id String id;
  @Version Long version;
  String name;
  String unit;
  String position;
  CadreStatus status;
  Instant registeredAt;
  String importId;
  List<EvaluationRecord> records = new ArrayList<>();
  List<LinkedFinding> linkedFindings = new ArrayList<>();
  Set<Purpose> vetoed = new HashSet<>();
  List<String> appliedEvents = new ArrayList<>();
  List<OutboxEvent> outbox = new ArrayList<>();

  /** A new document for a newly registered cadre. */
  static CadreDocument registered(Cadre cadre, Instant at, String importId) {
    CadreDocument doc = new CadreDocument();
    doc.id = cadre.id();
    doc.registeredAt = at;
    doc.importId = importId;
    doc.apply(cadre, List.of());
    return doc;
  }

  /** The domain aggregate held by this document. */
  public Cadre toDomain() {
    return new Cadre(
        id, name, unit, position, status, records, linkedFindings, vetoed, appliedEvents);
  }

  /** Takes over the aggregate's state and queues the events it caused. */
  public void apply(Cadre cadre, List<OutboxEvent> events) {
    name = cadre.name();
    unit = cadre.unit();
    position = cadre.position();
    status = cadre.status();
    records = new ArrayList<>(cadre.records());
    linkedFindings = new ArrayList<>(cadre.findings());
    vetoed = new HashSet<>(cadre.vetoed());
    appliedEvents = new ArrayList<>(cadre.appliedEvents());
    if (outbox == null) {
      outbox = new ArrayList<>();
    }
    outbox.addAll(events);
  }

  public String id() {
    return id;
  }

  public Instant registeredAt() {
    return registeredAt;
  }
}
