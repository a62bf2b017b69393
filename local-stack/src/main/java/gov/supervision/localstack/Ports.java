package gov.supervision.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port helpers for the local stack: free ports for tests, and checks before and after a start. */
public final class Ports {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private Ports() {}

  /** A port that is free on the loopback address right now. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /**
   * Two consecutive free ports ({@code p} and {@code p + 1}), e.g. for Kafka and its controller.
   */
  public static int freePair() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = free();
      if (port < 65535 && isFree(port + 1)) {
        return port;
      }
    }
    throw new IllegalStateException("no two consecutive free ports");
  }

  /**
   * Whether nobody listens on {@code 127.0.0.1:port} (or on all addresses at that port). Sockets in
   * TIME_WAIT left by a stack that just stopped do not count: the servers bind with SO_REUSEADDR,
   * and so does this check.
   */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
    } catch (IOException e) {
      return false;
    }
    return !isOpen(port);
  }

  /** Whether something accepts TCP connections on {@code 127.0.0.1:port}. */
  public static boolean isOpen(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
