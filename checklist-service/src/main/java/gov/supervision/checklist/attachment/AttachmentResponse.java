package gov.supervision.checklist.attachment;

import gov.supervision.checklist.domain.Attachment;
import java.time.Instant;

/** An evidence file's facts as the API shows them (never its bytes). */
public record AttachmentResponse(
    String id,
    String fileName,
    String contentType,
    long size,
    String sha256,
    String uploadedBy,
    Instant uploadedAt,
    String itemId,
    String findingId) {

  static AttachmentResponse of(Attachment a) {
    return new AttachmentResponse(
        a.id(),
        a.fileName(),
        a.contentType(),
        a.size(),
        a.sha256(),
        a.uploadedBy(),
        a.uploadedAt(),
        a.itemId(),
        a.findingId());
  }
}
