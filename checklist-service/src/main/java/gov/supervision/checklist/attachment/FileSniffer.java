package gov.supervision.checklist.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.springframework.core.io.InputStreamSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Tells a file's type by its content, never by its name: PDF and images by their magic bytes; an
 * Office Open XML file is a ZIP package whose {@code [Content_Types].xml} declares a Word, Excel or
 * PowerPoint main part that the package holds (macro-enabled and template packages are not
 * accepted); a legacy Office file is an OLE2 container with the stream of its application. Office
 * containers are read from memory through their directory, never inflated as a whole, so a ZIP bomb
 * costs nothing.
 */
final class FileSniffer {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {
    (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1
  };
  private static final String CONTENT_TYPES = "[Content_Types].xml";
  private static final int MAX_CONTENT_TYPES_BYTES = 1 << 20;

  private FileSniffer() {}

  /** The accepted type the content is, if any. */
  static Optional<FileType> detect(InputStreamSource file) throws IOException {
    byte[] head;
    try (InputStream in = file.getInputStream()) {
      head = in.readNBytes(16);
    }
    if (startsWith(head, ascii("%PDF-"))) {
      return Optional.of(FileType.PDF);
    }
    if (startsWith(head, PNG)) {
      return Optional.of(FileType.PNG);
    }
    if (startsWith(head, JPEG)) {
      return Optional.of(FileType.JPEG);
    }
    if (startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a"))) {
      return Optional.of(FileType.GIF);
    }
    if (startsWith(head, ascii("RIFF"))
        && head.length >= 12
        && Arrays.equals(head, 8, 12, ascii("WEBP"), 0, 4)) {
      return Optional.of(FileType.WEBP);
    }
    if (startsWith(head, ZIP)) {
      return officeOpenXml(readAll(file));
    }
    if (startsWith(head, OLE2)) {
      return legacyOffice(readAll(file));
    }
    return Optional.empty();
  }

  private static Optional<FileType> officeOpenXml(byte[] bytes) {
    try (ZipFile zip =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
      ZipArchiveEntry types = zip.getEntry(CONTENT_TYPES);
      if (types == null) {
        return Optional.empty();
      }
      byte[] declared;
      try (InputStream in = zip.getInputStream(types)) {
        declared = in.readNBytes(MAX_CONTENT_TYPES_BYTES + 1);
      }
      if (declared.length > MAX_CONTENT_TYPES_BYTES) {
        return Optional.empty();
      }
      NodeList overrides = parse(declared).getElementsByTagNameNS("*", "Override");
      for (int i = 0; i < overrides.getLength(); i++) {
        Element override = (Element) overrides.item(i);
        String part = override.getAttribute("PartName").replaceFirst("^/", "");
        String contentType = override.getAttribute("ContentType").trim();
        for (FileType type : FileType.values()) {
          if (contentType.equals(type.mainPartType()) && zip.getEntry(part) != null) {
            return Optional.of(type);
          }
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException | SAXException | ParserConfigurationException e) {
      return Optional.empty(); // not a readable package
    }
  }

  private static Optional<FileType> legacyOffice(byte[] bytes) {
    try (POIFSFileSystem ole = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      DirectoryNode root = ole.getRoot();
      if (root.hasEntryCaseInsensitive("WordDocument")) {
        return Optional.of(FileType.DOC);
      }
      if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
        return Optional.of(FileType.XLS);
      }
      if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
        return Optional.of(FileType.PPT);
      }
      return Optional.empty(); // another OLE2 file (an installer, a mail message, ...)
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static org.w3c.dom.Document parse(byte[] xml)
      throws ParserConfigurationException, SAXException, IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    factory.setXIncludeAware(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(new DefaultHandler()); // fails on fatal errors, prints nothing
    return builder.parse(new ByteArrayInputStream(xml));
  }

  private static byte[] readAll(InputStreamSource file) throws IOException {
    try (InputStream in = file.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
