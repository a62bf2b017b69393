package gov.supervision.testsupport.contract;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps a copy of every {@code /api/**} answer the service sends, status, media type and body,
 * including those of Spring Security's filters (it runs before them), for {@link ContractCheck}.
 */
public class ResponseRecorder extends OncePerRequestFilter {

  private final List<RecordedResponse> recorded = new ArrayList<>();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper copy = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, copy);
    } finally {
      synchronized (recorded) {
        recorded.add(
            new RecordedResponse(
                request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()),
                copy.getStatus(),
                copy.getContentType(),
                copy.getContentAsByteArray()));
      }
      copy.copyBodyToResponse();
    }
  }

  /** The answers recorded since the last call, oldest first. */
  public List<RecordedResponse> drain() {
    synchronized (recorded) {
      List<RecordedResponse> answers = List.copyOf(recorded);
      recorded.clear();
      return answers;
    }
  }
}
