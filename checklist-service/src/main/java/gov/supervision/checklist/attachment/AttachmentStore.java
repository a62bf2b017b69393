package gov.supervision.checklist.attachment;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import gov.supervision.checklist.domain.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Evidence files in GridFS (bucket {@value #BUCKET} of the service's own database): the bytes in
 * {@code attachments.chunks}, one {@code attachments.files} document per file carrying the
 * attachment's facts as its {@code metadata}. GridFS writes the chunks first and the file document
 * last, so a file is never visible before all of its bytes are stored; a failed upload removes the
 * chunks it wrote.
 */
@Component
public class AttachmentStore {

  public static final String BUCKET = "attachments";

  private final GridFSBucket bucket;

  AttachmentStore(MongoTemplate mongo) {
    this.bucket = GridFSBuckets.create(mongo.getDb(), BUCKET);
    mongo
        .indexOps(BUCKET + ".files")
        .createIndex(new Index().on("metadata.itemId", Sort.Direction.ASC).named("item"));
  }

  /**
   * Stores a file: reads it once for its size and SHA-256, then uploads it with those facts; the
   * upload must read the same bytes again, else nothing is kept and the store refuses.
   */
  Attachment insert(Upload upload, InputStreamSource content) {
    try {
      long size;
      String sha256;
      try (DigestInputStream in = digesting(content)) {
        size = in.transferTo(OutputStream.nullOutputStream());
        sha256 = hex(in);
      }
      Attachment attachment =
          new Attachment(
              UUID.randomUUID().toString(),
              upload.fileName(),
              upload.contentType(),
              size,
              sha256,
              upload.uploadedBy(),
              upload.uploadedAt(),
              upload.itemId(),
              upload.findingId());
      BsonString id = new BsonString(attachment.id());
      String uploaded;
      try (DigestInputStream in = digesting(content)) {
        bucket.uploadFromStream(
            id,
            attachment.fileName(),
            in,
            new GridFSUploadOptions().metadata(metadata(attachment)));
        uploaded = hex(in);
      }
      GridFSFile file = bucket.find(Filters.eq("_id", id)).first();
      if (file == null || file.getLength() != size || !uploaded.equals(sha256)) {
        if (file != null) {
          bucket.delete(id);
        }
        throw new IllegalStateException("attachment " + attachment.id() + " changed while stored");
      }
      return attachment;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Attachment> find(String id) {
    return Optional.ofNullable(bucket.find(Filters.eq("_id", new BsonString(id))).first())
        .map(AttachmentStore::attachment);
  }

  /** The attachments with these ids that exist. */
  public List<Attachment> findAll(Collection<String> ids) {
    List<BsonString> wanted = ids.stream().filter(Objects::nonNull).map(BsonString::new).toList();
    if (wanted.isEmpty()) {
      return List.of();
    }
    return bucket
        .find(Filters.in("_id", wanted))
        .map(AttachmentStore::attachment)
        .into(new ArrayList<>());
  }

  /** Every attachment of an item and of its findings, oldest first. */
  public List<Attachment> ofItem(String itemId) {
    return bucket
        .find(Filters.eq("metadata.itemId", itemId))
        .sort(Sorts.ascending("metadata.uploadedAt", "_id"))
        .map(AttachmentStore::attachment)
        .into(new ArrayList<>());
  }

  /** The stored bytes of an attachment (the caller closes the stream). */
  public InputStream open(String id) {
    return bucket.openDownloadStream(new BsonString(id));
  }

  /** Removes the attachments of an item (and of its findings), bytes and all. */
  public void deleteOfItem(String itemId) {
    ofItem(itemId).forEach(a -> bucket.delete(new BsonString(a.id())));
  }

  private static Attachment attachment(GridFSFile file) {
    Document metadata = file.getMetadata();
    return new Attachment(
        file.getId().asString().getValue(),
        file.getFilename(),
        metadata.getString("contentType"),
        file.getLength(),
        metadata.getString("sha256"),
        metadata.getString("uploadedBy"),
        metadata.getDate("uploadedAt").toInstant(),
        metadata.getString("itemId"),
        metadata.getString("findingId"));
  }

  private static Document metadata(Attachment attachment) {
    return new Document("itemId", attachment.itemId())
        .append("findingId", attachment.findingId())
        .append("contentType", attachment.contentType())
        .append("sha256", attachment.sha256())
        .append("uploadedBy", attachment.uploadedBy())
        .append("uploadedAt", Date.from(attachment.uploadedAt()));
  }

  private static DigestInputStream digesting(InputStreamSource content) throws IOException {
    try {
      return new DigestInputStream(content.getInputStream(), MessageDigest.getInstance("SHA-256"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(DigestInputStream in) {
    return HexFormat.of().formatHex(in.getMessageDigest().digest());
  }

  /** What a new file is: where it belongs, its cleaned name and its type found by content. */
  record Upload(
      String itemId,
      String findingId,
      String fileName,
      String contentType,
      String uploadedBy,
      Instant uploadedAt) {}
}
