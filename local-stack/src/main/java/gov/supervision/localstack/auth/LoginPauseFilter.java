package gov.supervision.localstack.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pauses sign-in after too many wrong passwords: for one username from one address ({@code
 * perUser}), or for any username from one address ({@code perAddress}, against password spraying).
 * During a pause the password is not checked at all and the form answers that one must wait ({@code
 * /login?locked}). The failure and success handlers report to the same counters through {@link
 * #failed} and {@link #succeeded}.
 */
final class LoginPauseFilter extends OncePerRequestFilter {

  private final LoginAttempts perUser;
  private final LoginAttempts perAddress;

  LoginPauseFilter(LoginAttempts perUser, LoginAttempts perAddress) {
    this.perUser = perUser;
    this.perAddress = perAddress;
  }

  void failed(HttpServletRequest request) {
    perUser.failed(userKey(request));
    perAddress.failed(request.getRemoteAddr());
  }

  void succeeded(HttpServletRequest request) {
    perUser.succeeded(userKey(request));
  }

  private static String userKey(HttpServletRequest request) {
    return request.getRemoteAddr() + "|" + request.getParameter("username");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Duration wait = perUser.waitFor(userKey(request));
    Duration addressWait = perAddress.waitFor(request.getRemoteAddr());
    if (addressWait.compareTo(wait) > 0) {
      wait = addressWait;
    }
    if (wait.isZero() || wait.isNegative()) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
    response.sendRedirect("/login?locked");
  }
}
