package gov.supervision.checklist.attachment;

import gov.supervision.checklist.config.AttachmentProperties;
import gov.supervision.checklist.domain.Attachment;
import gov.supervision.checklist.domain.Deadlines;
import gov.supervision.checklist.domain.Item;
import gov.supervision.checklist.item.ItemService;
import gov.supervision.checklist.web.UnitAccess;
import gov.supervision.contracts.Refusal;
import gov.supervision.support.security.CurrentUser;
import gov.supervision.support.web.ApiProblem;
import gov.supervision.support.web.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads, lists and opens evidence files. An upload is checked whole (who, size, name, type by
 * content) before anything is written; who may upload is who may report progress on the item or
 * rectify the finding, and who may read is who may read the item.
 */
@Service
public class AttachmentService {

  static final String ACCEPTED = "PDF、图片（PNG/JPEG/GIF/WebP）或 Office 文件（Word/Excel/PowerPoint）";

  private final AttachmentStore attachments;
  private final ItemService itemService;
  private final Deadlines deadlines;
  private final long maxFileBytes;

  AttachmentService(
      AttachmentStore attachments,
      ItemService itemService,
      Deadlines deadlines,
      AttachmentProperties properties) {
    this.attachments = attachments;
    this.itemService = itemService;
    this.deadlines = deadlines;
    this.maxFileBytes = properties.maxFileSize().toBytes();
  }

  /** Stores a file for an item (inspector or the lead of the item's unit). */
  public Attachment uploadForItem(String itemId, MultipartFile file, CurrentUser user) {
    Item item = itemService.get(itemId, user);
    UnitAccess.requireInspectorOrLeadOf(user, item.responsibleUnit());
    return store(item.id(), null, file, user);
  }

  /** Stores a file for a finding (inspector or the lead of the finding's unit). */
  public Attachment uploadForFinding(String findingId, MultipartFile file, CurrentUser user) {
    Item item = itemService.byFinding(findingId, user);
    UnitAccess.requireInspectorOrLeadOf(user, item.responsibleUnit());
    return store(item.id(), findingId, file, user);
  }

  /** The attachments of an item and its findings, if the caller may read the item. */
  public List<Attachment> ofItem(String itemId, CurrentUser user) {
    return attachments.ofItem(itemService.get(itemId, user).id());
  }

  /**
   * An attachment and its bytes, if the caller may read its item (the caller closes the stream);
   * else 404, as for no attachment.
   */
  public Download open(String id, CurrentUser user) {
    Attachment attachment =
        attachments
            .find(id)
            .filter(a -> itemService.find(a.itemId(), user).isPresent())
            .orElseThrow(() -> Refusal.notFound("attachment", id));
    return new Download(attachment, attachments.open(id));
  }

  private Attachment store(String itemId, String findingId, MultipartFile file, CurrentUser user) {
    if (file == null) {
      throw Refusal.invalid("file", "缺少文件（multipart 字段 file） the part \"file\" is missing");
    }
    if (file.isEmpty()) {
      throw Refusal.invalid("file", "文件为空 the file is empty");
    }
    if (file.getSize() > maxFileBytes) {
      throw new ApiProblem(
          HttpStatus.CONTENT_TOO_LARGE,
          "payload-too-large",
          "请求体过大 Payload too large",
          "文件超过 " + maxFileBytes + " 字节 the file exceeds " + maxFileBytes + " bytes");
    }
    String name = FileNames.clean(file.getOriginalFilename());
    if (name.isEmpty()) {
      throw Refusal.invalid("file", "文件名不能为空 the file needs a name");
    }
    String extension = FileNames.extension(name);
    if (!FileType.isAcceptedExtension(extension)) {
      throw unsupported("只接受" + ACCEPTED + " only PDF, images and Office files are accepted");
    }
    FileType type =
        detect(file)
            .orElseThrow(
                () ->
                    unsupported(
                        "文件内容不是"
                            + ACCEPTED
                            + " the content is not an accepted PDF, image or Office file"));
    if (!type.hasExtension(extension)) {
      throw unsupported(
          "文件内容（"
              + type.mediaType()
              + "）与扩展名 ."
              + extension
              + " 不符 the content does not match the extension");
    }
    return attachments.insert(
        new AttachmentStore.Upload(
            itemId, findingId, name, type.mediaType(), user.sub(), deadlines.now()),
        file);
  }

  private static Optional<FileType> detect(MultipartFile file) {
    try {
      return FileSniffer.detect(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiProblem unsupported(String message) {
    return new ApiProblem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
        "不支持的文件类型 Unsupported media type",
        "file: " + message,
        List.of(new FieldProblem("file", message)));
  }

  /** An attachment with its bytes. */
  public record Download(Attachment attachment, InputStream content) {}
}
