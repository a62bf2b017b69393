package gov.supervision.checklist.item;

import gov.supervision.checklist.domain.Evidence;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A document given as evidence: its name and where it is, an absolute {@code http(s)} address with
 * a host, or a file uploaded to the suite ({@code /api/attachments/<id>}). Nothing else is taken
 * ({@code javascript:}, {@code data:}, {@code file:}, relative or protocol-relative addresses), so
 * that a link shown to a reader can only open a page or a file.
 */
public record EvidenceRequest(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 500)
        @Pattern(
            regexp = EvidenceRequest.URI,
            message =
                "只接受 http(s) 地址或 /api/attachments/<编号> only an http(s) address or"
                    + " /api/attachments/<id>")
        String uri) {

  /** What a caller sends, as the OpenAPI document shows it (its request example). */
  public static final EvidenceRequest EXAMPLE =
      new EvidenceRequest("专题会议纪要", "/api/attachments/3f2b8c1e-6d4a-4e0b-9a51-0c7d2e8f1a23");

  /** {@code http(s)://host...} without spaces or control characters, or an uploaded file's path. */
  static final String URI =
      "^(?:[hH][tT][tT][pP][sS]?://[^\\s\\p{Cntrl}/?#@\\\\]+(?:[/?#][^\\s\\p{Cntrl}]*)?"
          + "|/api/attachments/[A-Za-z0-9-]{1,64})$";

  Evidence evidence() {
    return Evidence.link(name, uri);
  }
}
