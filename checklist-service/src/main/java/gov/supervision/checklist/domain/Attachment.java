package gov.supervision.checklist.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An evidence file (附件) uploaded for an item or for one of its findings ({@code findingId} null for
 * the item itself): its original name, the type its content was found to be, its size and SHA-256,
 * who uploaded it and when. The bytes live in the file store.
 */
public record Attachment(
    String id,
    String fileName,
    String contentType,
    long size,
    String sha256,
    String uploadedBy,
    Instant uploadedAt,
    String itemId,
    String findingId) {

  /** The API path the file is downloaded from. */
  public String uri() {
    return "/api/attachments/" + id;
  }

  /** The file as evidence of a progress note or a rectification. */
  public Evidence evidence() {
    return new Evidence(fileName, uri(), id, contentType, size);
  }

  /** Whether it was uploaded for this item itself ({@code findingId} null) or this finding. */
  public boolean uploadedFor(String itemId, String findingId) {
    return this.itemId.equals(itemId) && Objects.equals(this.findingId, findingId);
  }
}
