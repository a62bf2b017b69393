package gov.supervision.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Every MongoDB feature the services rely on, run against the store the tests use (the embedded
 * wire-protocol server here, MongoDB where Docker runs), so the two cannot silently diverge.
 */
class StoreCompatibilityIT {

  private static MongoClient client;
  private static MongoTemplate mongo;

  @BeforeAll
  static void connect() {
    client = MongoClients.create(SuiteInfrastructure.get().mongoUri("compat"));
    mongo = new MongoTemplate(client, "compat-" + UUID.randomUUID());
  }

  @AfterAll
  static void close() {
    mongo.getDb().drop();
    client.close();
  }

  @Test
  void uniqueIndexViolationIsDuplicateKeyException() {
    mongo
        .indexOps("notifications")
        .createIndex(
            new Index()
                .on("eventId", Sort.Direction.ASC)
                .on("addressee", Sort.Direction.ASC)
                .unique());
    mongo.insert(new Document("eventId", "e1").append("addressee", "hr"), "notifications");
    mongo.insert(new Document("eventId", "e1").append("addressee", "admin"), "notifications");

    assertThatThrownBy(
            () ->
                mongo.insert(
                    new Document("eventId", "e1").append("addressee", "hr"), "notifications"))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(mongo.count(new Query(), "notifications")).isEqualTo(2);
  }

  @Test
  void duplicateIdIsDuplicateKeyException() {
    mongo.insert(new Document("_id", "consumer:event-1"), "processed_events");
    assertThatThrownBy(
            () -> mongo.insert(new Document("_id", "consumer:event-1"), "processed_events"))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void versionedSaveRefusesAStaleCopy() {
    Versioned saved = mongo.save(new Versioned(null, null, "first"));
    Versioned copyA = mongo.findById(saved.id(), Versioned.class);
    Versioned copyB = mongo.findById(saved.id(), Versioned.class);

    mongo.save(new Versioned(copyA.id(), copyA.version(), "by A"));

    assertThatThrownBy(() -> mongo.save(new Versioned(copyB.id(), copyB.version(), "by B")))
        .isInstanceOf(OptimisticLockingFailureException.class);
    assertThat(mongo.findById(saved.id(), Versioned.class).text()).isEqualTo("by A");
  }

  @Test
  void findAndModifyWithIncPushAndPull() {
    Document counter =
        mongo.findAndModify(
            Query.query(where("_id").is("access-log")),
            new Update().inc("seq", 1),
            FindAndModifyOptions.options().upsert(true).returnNew(true),
            Document.class,
            "counters");
    Document again =
        mongo.findAndModify(
            Query.query(where("_id").is("access-log")),
            new Update().inc("seq", 1),
            FindAndModifyOptions.options().upsert(true).returnNew(true),
            Document.class,
            "counters");
    assertThat(counter.getInteger("seq")).isEqualTo(1);
    assertThat(again.getInteger("seq")).isEqualTo(2);

    mongo.insert(new Document("_id", "item-1").append("outbox", List.of()), "items");
    mongo.updateFirst(
        Query.query(where("_id").is("item-1")),
        new Update().push("outbox", new Document("eventId", "a").append("type", "t")),
        "items");
    mongo.updateFirst(
        Query.query(where("_id").is("item-1")),
        new Update().push("outbox", new Document("eventId", "b").append("type", "t")),
        "items");
    assertThat(mongo.find(Query.query(where("outbox.0").exists(true)), Document.class, "items"))
        .hasSize(1);

    mongo.updateFirst(
        Query.query(where("_id").is("item-1")),
        new Update().pull("outbox", new Document("eventId", "a")),
        "items");
    Document item = mongo.findById("item-1", Document.class, "items");
    assertThat(item.getList("outbox", Document.class))
        .extracting(d -> d.getString("eventId"))
        .containsExactly("b");

    mongo.updateFirst(
        Query.query(where("_id").is("item-1")),
        new Update().pull("outbox", new Document("eventId", "b")),
        "items");
    assertThat(mongo.find(Query.query(where("outbox.0").exists(true)), Document.class, "items"))
        .isEmpty();
  }

  @Test
  void aggregationMatchGroupSort() {
    mongo.insert(
        List.of(
            new Document("checklistId", "c1").append("stage", "ASSIGNED").append("unit", "FGW"),
            new Document("checklistId", "c1").append("stage", "ASSIGNED").append("unit", "JW"),
            new Document("checklistId", "c1").append("stage", "CLOSED").append("unit", "JW"),
            new Document("checklistId", "c2").append("stage", "CLOSED").append("unit", "JW")),
        "stats_items");

    List<Document> byStage =
        mongo
            .aggregate(
                newAggregation(
                    match(where("checklistId").is("c1")),
                    group("stage").count().as("count"),
                    sort(Sort.Direction.ASC, "_id")),
                "stats_items",
                Document.class)
            .getMappedResults();

    assertThat(byStage)
        .extracting(d -> d.getString("_id") + "=" + d.get("count"))
        .containsExactly("ASSIGNED=2", "CLOSED=1");
  }

  @Test
  void prefixRegexAndRangeQueries() {
    mongo.insert(
        List.of(
            new Document("name", "张三").append("at", Instant.parse("2026-01-01T00:00:00Z")),
            new Document("name", "张四").append("at", Instant.parse("2026-02-01T00:00:00Z")),
            new Document("name", "李四").append("at", Instant.parse("2026-03-01T00:00:00Z"))),
        "people");

    assertThat(mongo.find(Query.query(where("name").regex("^张")), Document.class, "people"))
        .hasSize(2);
    assertThat(
            mongo.find(
                Query.query(
                    where("at")
                        .gte(Instant.parse("2026-01-15T00:00:00Z"))
                        .lt(Instant.parse("2026-03-01T00:00:00Z"))),
                Document.class,
                "people"))
        .extracting(d -> d.getString("name"))
        .containsExactly("张四");
  }

  /**
   * GridFS (checklist-service keeps evidence files in it): a file of several chunks with its
   * metadata is stored, found by a metadata field, read back byte for byte and deleted with its
   * chunks; an aborted upload leaves no chunk behind.
   */
  @Test
  void gridFsStoresFindsReadsAndDeletesFilesOfManyChunks() throws IOException {
    GridFSBucket bucket = GridFSBuckets.create(mongo.getDb(), "evidence");
    byte[] bytes = new byte[600_000]; // three chunks of 255 KiB
    new Random(7).nextBytes(bytes);
    BsonString id = new BsonString(UUID.randomUUID().toString());
    bucket.uploadFromStream(
        id,
        "现场核查照片.jpg",
        new ByteArrayInputStream(bytes),
        new GridFSUploadOptions()
            .metadata(new Document("itemId", "item-1").append("contentType", "image/jpeg")));
    bucket.uploadFromStream(
        new BsonString(UUID.randomUUID().toString()),
        "other.pdf",
        new ByteArrayInputStream(new byte[] {1, 2, 3}),
        new GridFSUploadOptions().metadata(new Document("itemId", "item-2")));

    List<GridFSFile> found =
        bucket
            .find(Filters.eq("metadata.itemId", "item-1"))
            .sort(Sorts.ascending("uploadDate"))
            .into(new java.util.ArrayList<>());
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getId()).isEqualTo(id);
    assertThat(found.get(0).getFilename()).isEqualTo("现场核查照片.jpg");
    assertThat(found.get(0).getLength()).isEqualTo(bytes.length);
    assertThat(found.get(0).getMetadata().getString("contentType")).isEqualTo("image/jpeg");
    assertThat(chunks(id)).isEqualTo(3);

    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    bucket.downloadToStream(id, whole);
    assertThat(whole.toByteArray()).isEqualTo(bytes);
    try (InputStream stream = bucket.openDownloadStream(id)) {
      assertThat(stream.readAllBytes()).isEqualTo(bytes);
    }

    bucket.delete(id);
    assertThat(chunks(id)).isZero();
    assertThat(bucket.find(Filters.eq("_id", id)).first()).isNull();

    BsonString aborted = new BsonString(UUID.randomUUID().toString());
    GridFSUploadStream upload = bucket.openUploadStream(aborted, "half.pdf");
    upload.write(new byte[300_000]);
    upload.abort();
    assertThat(chunks(aborted)).isZero();
    assertThat(bucket.find(Filters.eq("_id", aborted)).first()).isNull();
  }

  private static long chunks(BsonString fileId) {
    return mongo.getCollection("evidence.chunks").countDocuments(Filters.eq("files_id", fileId));
  }

  record Versioned(@Id String id, @Version Long version, String text) {}
}
