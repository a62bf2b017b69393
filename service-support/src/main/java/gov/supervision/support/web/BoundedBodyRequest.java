package gov.supervision.support.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body may be read up to {@code limit} bytes: one byte more and reading throws
 * {@link BodyTooLargeException}, whoever reads it (a filter keeping the body, the multipart
 * parser). For bodies that declare no length (chunked), which the length check cannot see.
 */
final class BoundedBodyRequest extends HttpServletRequestWrapper {

  private final long limit;
  private ServletInputStream bounded;

  BoundedBodyRequest(HttpServletRequest request, long limit) {
    super(request);
    this.limit = limit;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (bounded == null) {
      bounded = new Bounded(super.getInputStream(), limit);
    }
    return bounded;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  /** Thrown when a body grows past its limit while being read. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("request body over " + limit + " bytes");
    }
  }

  private static final class Bounded extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    Bounded(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = in.read(buffer, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
