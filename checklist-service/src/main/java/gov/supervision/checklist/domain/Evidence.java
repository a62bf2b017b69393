package gov.supervision.checklist.domain;

/**
 * Evidence of a step: a file uploaded to the suite ({@code attachmentId}, its type and size, {@code
 * uri} the path it is downloaded from) or a reference to a document kept elsewhere (name and uri
 * only).
 */
public record Evidence(
    String name, String uri, String attachmentId, String contentType, Long size) {

  /** A reference to a document kept elsewhere. */
  public static Evidence link(String name, String uri) {
    return new Evidence(name, uri, null, null, null);
  }
}
