package gov.supervision.checklist.attachment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of evidence file accepted: PDF, images and Office documents, each with its media type,
 * the file name extensions it may carry and, for the Office Open XML formats, the content type of
 * the package's main part.
 */
enum FileType {
  PDF("application/pdf", null, "pdf"),
  PNG("image/png", null, "png"),
  JPEG("image/jpeg", null, "jpg", "jpeg"),
  GIF("image/gif", null, "gif"),
  WEBP("image/webp", null, "webp"),
  DOCX(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      "docx"),
  XLSX(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "xlsx"),
  PPTX(
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
      "pptx"),
  DOC("application/msword", null, "doc"),
  XLS("application/vnd.ms-excel", null, "xls"),
  PPT("application/vnd.ms-powerpoint", null, "ppt");

  private final String mediaType;
  private final String mainPartType;
  private final List<String> extensions;

  FileType(String mediaType, String mainPartType, String... extensions) {
    this.mediaType = mediaType;
    this.mainPartType = mainPartType;
    this.extensions = List.of(extensions);
  }

  /** The media type the file is stored and served with. */
  String mediaType() {
    return mediaType;
  }

  /** The content type of the main part of an Office Open XML package (null for the others). */
  String mainPartType() {
    return mainPartType;
  }

  /** Whether a file of this type may carry {@code extension} (without the dot, any case). */
  boolean hasExtension(String extension) {
    return extension != null && extensions.contains(extension.toLowerCase(Locale.ROOT));
  }

  /** Whether any accepted type carries {@code extension}. */
  static boolean isAcceptedExtension(String extension) {
    return Arrays.stream(values()).anyMatch(t -> t.hasExtension(extension));
  }
}
