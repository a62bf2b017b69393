package gov.supervision.evaluation.cadre;

import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.support.outbox.OutboxEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a cadre and the whole file are stored: one document per cadre holding the aggregate ({@code
 * cadre}: profile, records, linked findings, veto state and the applied event ids), so a record,
 * its veto change and the events they cause are one single-document write (outbox inside the
 * aggregate). {@code registeredAt} and {@code importId} are storage's own. The profile list walks
 * the unit index in unit and id order.
 */
@Document(CadreDocument.COLLECTION)
@CompoundIndex(name = "unit_id", def = "{'cadre.unit': 1, '_id': 1}")
public class CadreDocument {

  /** The collection name, also listed in {@code supervision.outbox.collections}. */
  public static final String COLLECTION = "cadres";

  @Id String id;
  @Version Long version;
  Cadre cadre;
  Instant registeredAt;
  String importId;
  List<OutboxEvent> outbox = new ArrayList<>();

  CadreDocument() {}

  /** A new document for a newly registered cadre. */
  static CadreDocument registered(Cadre cadre, Instant at, String importId) {
    CadreDocument doc = new CadreDocument();
    doc.id = cadre.id();
    doc.cadre = cadre;
    doc.registeredAt = at;
    doc.importId = importId;
    return doc;
  }

  /** The domain aggregate held by this document. */
  public Cadre cadre() {
    return cadre;
  }

  /** Takes over the aggregate's state and queues the events it caused. */
  void apply(Cadre changed, List<OutboxEvent> events) {
    cadre = changed;
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
