package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.DemoIdentity;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * People sign in through the issuer's form and use the API with only their session cookie: the
 * gateway relays their token (refreshed when it runs out), asks for the CSRF header on unsafe
 * calls, and ends the session on logout. Real issuer, real gateway, real services.
 */
class SignInIT {

  private final Suite suite = Suite.get();
  private final String gateway = suite.stack.gatewayUrl();

  @Test
  void signingInLandsOnThePageAskedForAndMeShowsThePerson() {
    Person person = new Person();

    HttpResponse<String> landed =
        person.signIn(gateway + "/items/some-item?tab=history", "lead-fgw");

    assertThat(landed.uri().getPath()).isEqualTo("/items/some-item");
    assertThat(landed.uri().getQuery()).isEqualTo("tab=history");
    assertThat(person.cookie("SESSION")).isNotBlank();
    HttpResponse<String> me = person.get(gateway + "/api/me");
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode json = Suite.JSON.readTree(me.body());
    assertThat(json.get("id").asString()).isEqualTo("lead-fgw");
    assertThat(json.get("name").asString()).isEqualTo(DemoIdentity.of("lead-fgw").name());
    assertThat(json.get("unit").asString()).isEqualTo("FGW");
    assertThat(json.get("roles").toString()).isEqualTo("[\"UNIT_LEAD\"]");
    assertThat(json.get("permissions").toString())
        .contains("\"item:progress\"", "\"finding:rectify\"", "\"inbox:read\"")
        .doesNotContain("item:transition", "dossier:read");
    assertThat(Instant.parse(json.get("sessionExpiresAt").asString())).isAfter(Instant.now());
  }

  @Test
  void theSessionCookieIsHttpOnlyAndLax() {
    Person person = new Person();
    HttpResponse<String> form = person.open(gateway + "/");
    HttpResponse<String> landed =
        person.submitLogin(form, "inspector", DemoIdentity.of("inspector").secret());

    assertThat(landed.uri().getPath()).isEqualTo("/");
    String setCookie =
        person
            .send(
                java.net.http.HttpRequest.newBuilder(URI.create(gateway + "/api/me"))
                    .header("Accept", "application/json")
                    .build())
            .headers()
            .allValues("Set-Cookie")
            .stream()
            .filter(c -> c.startsWith("XSRF-TOKEN="))
            .findFirst()
            .orElse("");
    assertThat(setCookie).as("XSRF cookie readable by the console").doesNotContain("HttpOnly");
    // the SESSION cookie was set during sign-in; its attributes as the browser got them
    assertThat(person.cookies.getCookieStore().getCookies())
        .anySatisfy(
            c -> {
              assertThat(c.getName()).isEqualTo("SESSION");
              assertThat(c.isHttpOnly()).isTrue();
            });
  }

  @Test
  void aSessionCallIsRelayedAndScopedAsForTheBearerToken() {
    String checklist = suite.draftChecklist("会话范围");
    LocalDate due = LocalDate.now().plusDays(30);
    suite.post(
        "inspector",
        "/api/checklists/" + checklist + "/items",
        Fixtures.item("FGW", "lead-fgw", due, "发改委事项"));
    suite.post(
        "inspector",
        "/api/checklists/" + checklist + "/items",
        Fixtures.item("JW", "lead-jw", due, "教育局事项"));
    assertThat(
            suite.post("inspector", "/api/checklists/" + checklist + "/publish", Map.of()).status())
        .isEqualTo(200);
    Person lead = new Person();
    lead.signIn(gateway + "/", "lead-fgw");

    HttpResponse<String> mine = lead.get(gateway + "/api/items?checklistId=" + checklist);
    HttpResponse<String> other =
        lead.get(gateway + "/api/items?checklistId=" + checklist + "&unit=JW");

    assertThat(mine.statusCode()).isEqualTo(200);
    JsonNode items = Suite.JSON.readTree(mine.body()).get("content");
    assertThat(items.size()).isEqualTo(1);
    assertThat(items.get(0).get("responsibleUnit").asString()).isEqualTo("FGW");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void unsafeSessionCallsNeedTheCsrfHeaderBearerCallsDoNot() {
    Person inspector = new Person();
    inspector.signIn(gateway + "/", "inspector");
    String body =
        Suite.JSON.writeValueAsString(
            Map.of("year", 2026, "scope", Suite.uniqueScope(), "title", "会话创建"));

    HttpResponse<String> withoutHeader =
        inspector.call("POST", gateway + "/api/checklists", body, false);
    HttpResponse<String> withHeader =
        inspector.call("POST", gateway + "/api/checklists", body, true);
    Suite.Answer bearer =
        suite.post(
            "inspector",
            "/api/checklists",
            Map.of("year", 2026, "scope", Suite.uniqueScope(), "title", "令牌创建"));

    assertThat(withoutHeader.statusCode()).isEqualTo(403);
    assertThat(withoutHeader.body()).contains("X-XSRF-TOKEN");
    assertThat(withHeader.statusCode()).as(withHeader.body()).isEqualTo(201);
    assertThat(bearer.status()).isEqualTo(201);
  }

  @Test
  void anExpiredAccessTokenIsRefreshedOnTheNextCall() throws InterruptedException {
    Person inspector = new Person();
    inspector.signIn(gateway + "/", "inspector");
    Instant first = tokenIssuedAt(inspector);

    // the suite's issuer gives people 10 s tokens; the gateway refreshes 2 s before the end
    Thread.sleep(9_000);
    HttpResponse<String> call = inspector.get(gateway + "/api/checklists?size=1");

    assertThat(call.statusCode()).isEqualTo(200);
    assertThat(tokenIssuedAt(inspector)).isAfter(first);
  }

  @Test
  void logoutAfterARefreshStillEndsTheIssuersSession() throws InterruptedException {
    Person hr = new Person();
    hr.signIn(gateway + "/", "hr");
    Instant first = tokenIssuedAt(hr);
    // past the 10 s token: the next call refreshes it, and the issuer issues a new ID token too
    Thread.sleep(9_000);
    assertThat(hr.get(gateway + "/api/me").statusCode()).isEqualTo(200);
    assertThat(hr.get(gateway + "/api/notifications/inbox?size=1").statusCode()).isEqualTo(200);
    assertThat(tokenIssuedAt(hr)).isAfter(first);

    HttpResponse<String> logout = hr.call("POST", gateway + "/logout", null, true);
    String url = Suite.JSON.readTree(logout.body()).get("logoutUrl").asString();
    HttpResponse<String> backHome = hr.open(url);

    // the issuer accepts only the newest ID token as the hint; an old one leaves its session alive
    assertThat(backHome.statusCode()).as(backHome.body()).isEqualTo(200);
    assertThat(backHome.uri().getPort())
        .as("the issuer's session ended: its form again, not signed straight back in")
        .isEqualTo(URI.create(suite.stack.issuerUri()).getPort());
    assertThat(backHome.uri().getPath()).isEqualTo("/login");
  }

  @Test
  void peopleWhoSignedInHaveANameForTheirId() {
    new Person().signIn(gateway + "/", "lead-fgw");

    Suite.Answer known = suite.get("inspector", "/api/people?ids=lead-fgw,never-signed-in");
    assertThat(known.status()).isEqualTo(200);
    assertThat(known.body())
        .isEqualTo(
            "[{\"id\":\"lead-fgw\",\"name\":\""
                + DemoIdentity.of("lead-fgw").name()
                + "\",\"unit\":\"FGW\"}]");

    Suite.Answer bad = suite.get("inspector", "/api/people?ids=lead-fgw,$where");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("ids");
    assertThat(suite.get("inspector", "/api/people").status()).isEqualTo(400);
    assertThat(new Person().open(gateway + "/api/people?ids=lead-fgw").statusCode()).isEqualTo(401);
  }

  @Test
  void apiWithoutSessionOrTokenIs401ProblemNeverARedirect() {
    Person stranger = new Person();

    HttpResponse<String> api = stranger.open(gateway + "/api/items");
    HttpResponse<String> post = stranger.call("POST", gateway + "/api/checklists", "{}", false);

    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.uri().getPath()).isEqualTo("/api/items");
    assertThat(api.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(post.statusCode()).isEqualTo(401);
  }

  @Test
  void logoutEndsTheSessionAndAnswersTheIssuersEndSessionUrl() {
    Person hr = new Person();
    hr.signIn(gateway + "/inbox", "hr");
    String session = hr.cookie("SESSION");

    HttpResponse<String> logout = hr.call("POST", gateway + "/logout", null, true);

    assertThat(logout.statusCode()).isEqualTo(200);
    String url = Suite.JSON.readTree(logout.body()).get("logoutUrl").asString();
    assertThat(url)
        .startsWith(suite.stack.issuerUri() + "/connect/logout?")
        .contains("id_token_hint=")
        .contains("post_logout_redirect_uri=");
    Person sameCookie = new Person();
    sameCookie.cookies.getCookieStore().add(URI.create(gateway), cookie("SESSION", session));
    assertThat(sameCookie.get(gateway + "/api/me").statusCode()).isEqualTo(401);
    HttpResponse<String> backHome = hr.open(url);
    assertThat(backHome.uri().getPort())
        .as("back at the issuer's form via the console")
        .isEqualTo(URI.create(suite.stack.issuerUri()).getPort());
    assertThat(backHome.uri().getPath()).isEqualTo("/login");
  }

  @Test
  void aWrongPasswordIsSaidInChineseAndManyInARowArePaused() {
    Person guesser = new Person();
    HttpResponse<String> form = guesser.open(gateway + "/");

    HttpResponse<String> wrong = guesser.submitLogin(form, "nobody-" + System.nanoTime(), "guess");
    assertThat(wrong.uri().getQuery()).isEqualTo("error");
    assertThat(wrong.body()).contains("用户名或密码错误");

    String user = "nobody-" + System.nanoTime();
    HttpResponse<String> last = null;
    for (int i = 0; i < 20; i++) {
      last = guesser.submitLogin(guesser.open(gateway + "/"), user, "guess-" + i);
    }
    assertThat(last.uri().getQuery()).isEqualTo("locked");
    assertThat(last.body()).contains("登录失败次数过多");
  }

  static java.net.HttpCookie cookie(String name, String value) {
    java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
    cookie.setPath("/");
    cookie.setVersion(0);
    return cookie;
  }

  /** When the person's current access token was issued, read from {@code /api/me}. */
  private Instant tokenIssuedAt(Person person) {
    JsonNode me = Suite.JSON.readTree(person.get(gateway + "/api/me").body());
    return Instant.parse(me.get("accessTokenIssuedAt").asString());
  }
}
