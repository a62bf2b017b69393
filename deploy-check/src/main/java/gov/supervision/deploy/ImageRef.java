package gov.supervision.deploy;

/**
 * A container image reference split as kustomize does: {@code name[:tag][@digest]}, where a colon
 * before the last slash belongs to a registry port, not a tag.
 */
record ImageRef(String name, String tag, String digest) {

  /** The parts of {@code image}, or null for none. */
  static ImageRef parse(String image) {
    if (image == null || image.isBlank()) {
      return null;
    }
    String rest = image;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    return new ImageRef(rest, tag, digest);
  }

  @Override
  public String toString() {
    return name + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }
}
