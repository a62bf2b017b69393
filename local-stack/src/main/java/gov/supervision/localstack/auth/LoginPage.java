package gov.supervision.localstack.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The issuer's sign-in page (zh-CN, no asset from anywhere else): {@code templates/login.html} with
 * the form's CSRF token and the message that fits ({@code ?error}, {@code ?locked}, {@code
 * ?logout}).
 */
@RestController
class LoginPage {

  static final String WRONG_PASSWORD = "用户名或密码错误，请重新输入。";
  static final String LOCKED = "登录失败次数过多，请稍后再试。";
  static final String SIGNED_OUT = "您已安全退出。";

  private final String template = read("templates/login.html");

  @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  String page(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String message = "";
    if (request.getParameter("locked") != null) {
      message = alert(LOCKED);
    } else if (request.getParameter("error") != null) {
      message = alert(WRONG_PASSWORD);
    } else if (request.getParameter("logout") != null) {
      message = "<p class=\"info\" role=\"status\">" + SIGNED_OUT + "</p>";
    }
    return template
        .replace("{{message}}", message)
        .replace("{{csrfName}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
        .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()));
  }

  private static String alert(String text) {
    return "<p class=\"error\" role=\"alert\">" + text + "</p>";
  }

  private static String read(String resource) {
    try (InputStream in = LoginPage.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
