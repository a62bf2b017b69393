package gov.supervision.gateway.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Session attributes to bytes and back (Java serialization, as Spring Session stores do). Reading
 * accepts only the classes a session of this gateway holds (JDK, Spring Security, Nimbus, ours), so
 * a tampered store cannot make the gateway build arbitrary objects.
 */
final class SessionSerializer {

  static final ObjectInputFilter ALLOWED =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=30;maxrefs=20000;maxbytes=1048576;"
              + "java.base/*;org.springframework.security.**;org.springframework.session.**;"
              + "org.springframework.util.**;org.springframework.http.**;com.nimbusds.**;"
              + "net.minidev.**;gov.supervision.gateway.**;!*");

  private SessionSerializer() {}

  static byte[] write(Map<String, Object> attributes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new HashMap<>(attributes));
    } catch (IOException e) {
      throw new UncheckedIOException("a session attribute cannot be stored", e);
    }
    return bytes.toByteArray();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(byte[] data) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
      in.setObjectInputFilter(ALLOWED);
      return (Map<String, Object>) in.readObject();
    } catch (InvalidClassException e) {
      throw new IllegalStateException("stored session holds a refused class: " + e.getMessage());
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("stored session cannot be read", e);
    }
  }
}
