package gov.supervision.checklist.attachment;

import gov.supervision.checklist.domain.Attachment;
import gov.supervision.support.security.CurrentUser;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence files: upload for an item or a finding ({@code multipart/form-data}, part {@code file}),
 * the list of an item's files, and the download of one with its original name.
 */
@RestController
class AttachmentController {

  private final AttachmentService service;

  AttachmentController(AttachmentService service) {
    this.service = service;
  }

  @PostMapping(path = "/api/items/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('INSPECTOR','UNIT_LEAD')")
  public AttachmentResponse uploadForItem(
      @PathVariable String id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      CurrentUser user) {
    return AttachmentResponse.of(service.uploadForItem(id, file, user));
  }

  @PostMapping(
      path = "/api/findings/{id}/attachments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('INSPECTOR','UNIT_LEAD')")
  public AttachmentResponse uploadForFinding(
      @PathVariable String id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      CurrentUser user) {
    return AttachmentResponse.of(service.uploadForFinding(id, file, user));
  }

  @GetMapping("/api/items/{id}/attachments")
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN','AUDITOR','UNIT_LEAD')")
  public List<AttachmentResponse> list(@PathVariable String id, CurrentUser user) {
    return service.ofItem(id, user).stream().map(AttachmentResponse::of).toList();
  }

  /**
   * The bytes with the type found at upload, as a download under the original name; the browser may
   * neither guess another type nor run it as a page.
   */
  @GetMapping("/api/attachments/{id}")
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN','AUDITOR','UNIT_LEAD')")
  public ResponseEntity<InputStreamResource> download(@PathVariable String id, CurrentUser user) {
    AttachmentService.Download download = service.open(id, user);
    Attachment attachment = download.attachment();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(attachment.contentType()))
        .contentLength(attachment.size())
        .header(
            HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(attachment.fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .body(new InputStreamResource(download.content()));
  }
}
