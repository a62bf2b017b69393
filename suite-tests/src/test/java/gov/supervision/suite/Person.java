package gov.supervision.suite;

import gov.supervision.contracts.DemoIdentity;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person in a browser, as far as HTTP goes: keeps cookies (the gateway's session and {@code
 * XSRF-TOKEN}, the issuer's own session), follows redirects, fills in the issuer's login form.
 */
final class Person {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Opens {@code url} as a page (asks for HTML), following redirects. */
  HttpResponse<String> open(String url) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/html,application/xhtml+xml")
            .GET()
            .build());
  }

  /**
   * Opens {@code url}, which sends a person without a session to the issuer's form, and signs in
   * there; the answer after all redirects.
   */
  HttpResponse<String> signIn(String url, String username, String password) {
    HttpResponse<String> form = open(url);
    if (!form.uri().getPath().equals("/login")) {
      throw new IllegalStateException("not at the login form but at " + form.uri());
    }
    return submitLogin(form, username, password);
  }

  /** {@link #signIn(String, String, String)} as the demo identity {@code id}, with its password. */
  HttpResponse<String> signIn(String url, String id) {
    return signIn(url, id, DemoIdentity.of(id).secret());
  }

  /** Submits the login form shown in {@code form}. */
  HttpResponse<String> submitLogin(HttpResponse<String> form, String username, String password) {
    Matcher csrf = CSRF_FIELD.matcher(form.body());
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF field in the login form: " + form.body());
    }
    String body =
        "username="
            + encode(username)
            + "&password="
            + encode(password)
            + "&_csrf="
            + encode(csrf.group(1));
    return send(
        HttpRequest.newBuilder(form.uri().resolve("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** A JSON call with this person's cookies; unsafe methods carry the CSRF header if asked to. */
  HttpResponse<String> call(String method, String url, String json, boolean csrfHeader) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json");
    if (csrfHeader) {
      request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return send(request.build());
  }

  HttpResponse<String> get(String url) {
    return call("GET", url, null, false);
  }

  /** The value of this person's cookie {@code name}, or null. */
  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
