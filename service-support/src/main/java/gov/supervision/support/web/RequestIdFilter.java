package gov.supervision.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the caller's {@code X-Request-Id} when it is sane (else makes one), returns it on the
 * response and puts it in the log context ({@code requestId}) and so into outgoing events.
 */
public class RequestIdFilter extends OncePerRequestFilter {

  /** The header carrying the correlation id. */
  public static final String HEADER = "X-Request-Id";

  /** The MDC key of the correlation id. */
  public static final String MDC_KEY = "requestId";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /**
   * {@code requestId} when it is a sane correlation id (letters, digits, {@code ._:-}, at most 64),
   * else null: what reaches the log context must not forge log lines or fill them.
   */
  public static String saneOrNull(String requestId) {
    return requestId != null && SANE.matcher(requestId).matches() ? requestId : null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = saneOrNull(request.getHeader(HEADER));
    String requestId = given != null ? given : UUID.randomUUID().toString();
    response.setHeader(HEADER, requestId);
    MDC.put(MDC_KEY, requestId);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }
}
