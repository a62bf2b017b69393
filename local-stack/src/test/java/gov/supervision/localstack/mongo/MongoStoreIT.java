package gov.supervision.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import gov.supervision.localstack.Ports;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoStoreIT {

  @TempDir Path dataDir;

  @Test
  void dataAndUniqueIndexSurviveARestart() throws Exception {
    int port = Ports.free();
    try (MongoStore store = MongoStore.start("127.0.0.1", port, dataDir);
        MongoClient client = MongoClients.create(store.uri("checklist"))) {
      var items = client.getDatabase("checklist").getCollection("items");
      items.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
      items.insertOne(new Document("_id", "item-1").append("code", "FGW-1").append("unit", "FGW"));
    }
    assertThat(dataDir.resolve(MongoStore.FILE_NAME)).exists();

    try (MongoStore store = MongoStore.start("127.0.0.1", port, dataDir);
        MongoClient client = MongoClients.create(store.uri("checklist"))) {
      var items = client.getDatabase("checklist").getCollection("items");
      Document found = items.find(new Document("_id", "item-1")).first();
      assertThat(found).isNotNull();
      assertThat(found.getString("unit")).isEqualTo("FGW");
      assertThat(
              items.listIndexes().map(i -> i.getString("name")).into(new java.util.ArrayList<>()))
          .contains("code_1");
    }
  }

  /** checklist-service keeps evidence files in GridFS: they survive a restart whole. */
  @Test
  void gridFsFilesSurviveARestart() throws Exception {
    int port = Ports.free();
    byte[] bytes = new byte[600_000]; // three chunks
    new java.util.Random(3).nextBytes(bytes);
    org.bson.BsonString id = new org.bson.BsonString("attachment-1");
    try (MongoStore store = MongoStore.start("127.0.0.1", port, dataDir);
        MongoClient client = MongoClients.create(store.uri("checklist"))) {
      GridFSBuckets.create(client.getDatabase("checklist"), "attachments")
          .uploadFromStream(
              id,
              "现场核查.pdf",
              new java.io.ByteArrayInputStream(bytes),
              new GridFSUploadOptions().metadata(new Document("itemId", "item-1")));
    }

    try (MongoStore store = MongoStore.start("127.0.0.1", port, dataDir);
        MongoClient client = MongoClients.create(store.uri("checklist"))) {
      var bucket = GridFSBuckets.create(client.getDatabase("checklist"), "attachments");
      var file = bucket.find(Filters.eq("metadata.itemId", "item-1")).first();
      assertThat(file).isNotNull();
      assertThat(file.getFilename()).isEqualTo("现场核查.pdf");
      try (var in = bucket.openDownloadStream(id)) {
        assertThat(in.readAllBytes()).isEqualTo(bytes);
      }
    }
  }

  /**
   * A query naming an {@code _id} and more (a versioned save, a conditional update) is looked up by
   * the {@code _id} index, and the rest of the query still decides: a stale version or a wrong
   * status matches nothing, also for {@code $in} ids, updates, removals and sorted finds.
   */
  @Test
  void aQueryByIdAndMoreStillChecksTheRestOfTheQuery() throws Exception {
    int port = Ports.free();
    try (MongoStore store = MongoStore.start("127.0.0.1", port, dataDir);
        MongoClient client = MongoClients.create(store.uri("checklist"))) {
      var items = client.getDatabase("checklist").getCollection("items");
      for (int i = 0; i < 50; i++) {
        items.insertOne(
            new Document("_id", "item-" + i).append("version", 3L).append("status", "PENDING"));
      }

      var stale =
          items.replaceOne(
              Filters.and(Filters.eq("_id", "item-7"), Filters.eq("version", 2L)),
              new Document("version", 3L).append("status", "OVERWRITTEN"));
      assertThat(stale.getMatchedCount()).isZero();
      var current =
          items.replaceOne(
              Filters.and(Filters.eq("_id", "item-7"), Filters.eq("version", 3L)),
              new Document("version", 4L).append("status", "SENT"));
      assertThat(current.getModifiedCount()).isEqualTo(1);
      assertThat(items.find(Filters.eq("_id", "item-7")).first().getString("status"))
          .isEqualTo("SENT");

      assertThat(
              items
                  .updateOne(
                      Filters.and(Filters.eq("_id", "item-7"), Filters.eq("status", "PENDING")),
                      new Document("$set", new Document("status", "CLAIMED")))
                  .getMatchedCount())
          .isZero();
      assertThat(
              items
                  .find(
                      Filters.and(
                          Filters.in("_id", "item-1", "item-2", "item-7", "item-99"),
                          Filters.eq("status", "PENDING")))
                  .sort(new Document("_id", -1))
                  .map(d -> d.getString("_id"))
                  .into(new java.util.ArrayList<>()))
          .containsExactly("item-2", "item-1");
      assertThat(
              items
                  .deleteOne(Filters.and(Filters.eq("_id", "item-3"), Filters.eq("version", 9L)))
                  .getDeletedCount())
          .isZero();
      assertThat(items.countDocuments()).isEqualTo(50);
      assertThat(
              items.countDocuments(
                  Filters.and(Filters.ne("_id", "item-3"), Filters.eq("status", "PENDING"))))
          .isEqualTo(48);
    }
  }
}
