package gov.supervision.evaluation;

import com.mongodb.client.MongoCollection;
import gov.supervision.evaluation.accesslog.AccessLog;
import gov.supervision.evaluation.accesslog.AccessLogCheckpoints;
import gov.supervision.support.outbox.OutboxRelay;
import gov.supervision.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * The base of the tests that attack the access log directly on the store, as someone with write
 * access to the database would: the store (entries, counter, checkpoints) is saved before each test
 * and put back after it, so the other tests see an intact chain; the witness stub starts empty.
 */
abstract class AccessLogStoreIT extends EvaluationIT {

  @Autowired protected AccessLog accessLog;
  @Autowired protected OutboxRelay relay;
  @Autowired protected MongoTemplate mongo;

  private List<Document> savedEntries;
  private Document savedCounter;
  private List<Document> savedCheckpoints;

  @BeforeEach
  void saveTheStore() {
    WitnessStub.get().reset();
    relay.relayPending();
    savedEntries = mongo.findAll(Document.class, "access_log");
    savedCounter = mongo.findById("access_log", Document.class, "counters");
    savedCheckpoints = mongo.findAll(Document.class, AccessLogCheckpoints.COLLECTION);
  }

  @AfterEach
  void restoreTheStore() {
    relay.relayPending();
    restore("access_log", savedEntries);
    mongo.remove(new Query(Criteria.where("_id").is("access_log")), "counters");
    if (savedCounter != null) {
      mongo.insert(savedCounter, "counters");
    }
    savedCheckpoints.forEach(d -> d.remove("outbox"));
    restore(AccessLogCheckpoints.COLLECTION, savedCheckpoints);
    WitnessStub.get().reset();
  }

  private void restore(String collection, List<Document> documents) {
    mongo.remove(new Query(), collection);
    if (!documents.isEmpty()) {
      mongo.insert(documents, collection);
    }
  }

  /** The stored entries, as an attacker reaches them. */
  protected MongoCollection<Document> entries() {
    return mongo.getCollection("access_log");
  }

  /** What the auditor's verify answers now. */
  protected JsonNode verify() {
    return body(get("/api/access-log/verify", TestTokens.auditor()));
  }

  /** The kinds of the problems verify found. */
  protected static List<String> kinds(JsonNode verify) {
    List<String> kinds = new ArrayList<>();
    verify.get("problems").forEach(p -> kinds.add(p.get("kind").asString()));
    return kinds;
  }

  /** An HR read of the file of a test cadre. */
  protected static AccessLog.Read read(String purpose) {
    return new AccessLog.Read("hr", List.of("HR"), "attack-test", purpose, "dossier", 200, null);
  }
}
