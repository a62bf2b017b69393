package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.DemoIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README story in the console, in real Chromium, signed in as people through the issuer's form:
 * the inspector drafts a checklist, adds items, publishes and sees 红/黄/绿, assigns and raises a
 * finding; the FGW lead sees only FGW, opens the notice from the inbox, reports progress (with an
 * evidence file where the service takes them) and rectifies; the inspector verifies and closes the
 * item. Every main page is screenshotted under target/screenshots and scanned with axe-core (no
 * serious or critical violation).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

  static final Suite suite = Suite.get();
  static final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static final Path target = Browser.TARGET;
  static final String scope = Suite.uniqueScope();
  static Browser inspector;
  static Browser lead;
  static String checklistId;
  static String redItemId;

  @BeforeAll
  static void chromiumAndAxe() {
    Browser.requireChromium();
    Browser.axeSource();
  }

  @AfterAll
  static void closeBrowsers() {
    Browser.closeAll(inspector, lead);
  }

  @Test
  @Order(1)
  void theInspectorSignsInToTheDashboard() throws IOException {
    inspector = Browser.start(Browser.PROFILES);
    long millis = inspector.signIn(suite.stack.gatewayUrl() + "/", "inspector");
    assertThat(inspector.test("person").getText()).contains(DemoIdentity.of("inspector").name());
    assertThat(inspector.test("chip-RED").getText()).contains("红");
    long firstScreen = firstScreenJavaScriptGzipped(inspector);
    Files.writeString(
        target.resolve("console-figures.txt"),
        "sign-in submit to usable 工作台 (inspector, first sign-in after the start): "
            + millis
            + " ms\nfirst screen JavaScript as loaded by the browser: "
            + firstScreen / 1024
            + " KB gzipped\n");
    System.out.printf(
        "console: sign-in to usable 工作台 %d ms, first-screen JavaScript %d KB gzipped%n",
        millis, firstScreen / 1024);
    assertThat(firstScreen).isLessThan(500 * 1024);
    inspector.page("01-dashboard-inspector");
  }

  @Test
  @Order(2)
  void theInspectorDraftsAChecklistAddsItemsAndPublishes() {
    Browser b = inspector;
    b.menu("督查清单");
    b.test("checklists");
    b.page("02-checklists");

    b.clickTest("new-checklist");
    b.type("scope", scope);
    b.type("title", "2026年度政治监督重点事项清单（浏览器测试）");
    b.clickTest("create-checklist");
    b.test("checklist-status");
    checklistId = b.path().substring("/checklists/".length());

    addItem(b, "FGW", "lead-fgw", today.plusDays(3), "学习贯彻二十届四中全会精神（三日内到期）");
    addItem(b, "FGW", "lead-fgw", today.minusDays(2), "推动高质量发展重大战略落实（已逾期）");
    addItem(b, "JW", "lead-jw", today.plusDays(30), "贯彻落实重要指示批示精神");

    b.clickTest("publish");
    b.confirm("发布");
    b.until(By.cssSelector("[data-test=checklist-status][data-status=PUBLISHED]"));
    assertThat(lights(b)).containsExactlyInAnyOrder("YELLOW", "RED", "GREEN");
    assertThat(b.test("checklist-items").getText()).contains("红", "黄", "绿");
    b.page("03-checklist-published");
  }

  private static void addItem(
      Browser b, String unit, String person, LocalDate due, String content) {
    int before = b.all("[data-test=checklist-items] tbody tr").size();
    b.clickTest("add-item");
    b.pick("focusArea", "重要指示批示精神");
    b.type("content", content);
    b.type("requirements", "建立台账，专人盯办，按月报告");
    b.pick("responsibleUnit", "（" + unit + "）");
    b.type("responsiblePerson", person);
    b.pick("method", "专项督查");
    b.date("dueDate", due.toString());
    b.clickTest("save-item");
    b.gone(By.cssSelector("[data-test=item-form]"));
    new WebDriverWait(b.driver, Browser.PATIENCE)
        .until(d -> b.all("[data-test=checklist-items] tbody tr").size() == before + 1);
  }

  private static List<String> lights(Browser b) {
    List<String> lights = new ArrayList<>();
    for (WebElement light : b.all("[data-test=checklist-items] [data-test=light]")) {
      lights.add(light.getAttribute("data-light"));
    }
    return lights;
  }

  @Test
  @Order(3)
  void theInspectorAssignsTheOverdueItemAndRaisesAFinding() {
    Browser b = inspector;
    b.driver.get(suite.stack.gatewayUrl() + "/items?checklistId=" + checklistId);
    b.until(By.cssSelector("[data-test=items] [data-test=light]"));
    assertThat(b.test("items").getText()).contains("红", "黄", "绿");
    b.page("04-items-inspector");

    // the service filters (here by person, exactly, and by method) and sorts by due date
    b.type("filter-person", "lead-jw");
    b.clickTest("search");
    awaitDueDates(b, List.of(today.plusDays(30).toString()));
    b.type("filter-person", "");
    b.pick("filter-method", "专项督查");
    b.clickTest("search");
    awaitDueDates(
        b,
        List.of(
            today.minusDays(2).toString(),
            today.plusDays(3).toString(),
            today.plusDays(30).toString()));
    b.click(By.xpath("//*[@data-test='items']//th[contains(., '完成时限')]"));
    awaitDueDates(
        b,
        List.of(
            today.plusDays(30).toString(),
            today.plusDays(3).toString(),
            today.minusDays(2).toString()));
    assertThat(b.driver.getCurrentUrl()).containsPattern("sort=dueDate(,|%2C)desc");

    b.click(By.xpath("//a[@data-test='item-link' and contains(., '已逾期')]"));
    b.test("stage-steps");
    redItemId = b.path().substring("/items/".length());
    b.until(By.cssSelector("[data-test=stage-steps][data-stage=LEDGER_REGISTERED]"));
    move(b, "ASSIGNED", "lead-fgw");

    b.clickTest("raise");
    b.type("finding-description", "台账资料不完整，未按月报送进展");
    b.pick("finding-severity", "较重");
    b.date("rectifyBy", today.plusDays(14).toString());
    b.clickTest("confirm-raise");
    b.until(By.cssSelector("[data-test=finding-status][data-status=OPEN]"));
    b.page("05-item-detail-assigned");

    b.driver.get(suite.stack.gatewayUrl() + "/statistics?checklistId=" + checklistId);
    b.until(By.cssSelector("[data-test=unit-figures] tbody tr"));
    b.page("06-statistics");
    String workbook =
        (String)
            ((JavascriptExecutor) b.driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => done(r.status + ' '"
                        + " + r.headers.get('content-type'))).catch(e => done('failed ' + e));",
                    b.test("export-statistics").getAttribute("href"));
    assertThat(workbook)
        .startsWith("200 ")
        .contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    b.driver.get(suite.stack.gatewayUrl() + "/warnings");
    b.until(By.cssSelector("[data-test=warnings] [data-test=warning-level]"));
    b.page("07-warnings");
  }

  /** Waits until the items table shows exactly these due dates, in this order. */
  private static void awaitDueDates(Browser b, List<String> dates) {
    try {
      new WebDriverWait(b.driver, Browser.PATIENCE)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> dueDates(b).equals(dates));
    } catch (org.openqa.selenium.TimeoutException e) {
      b.screenshot(Browser.SCREENSHOTS, "failed-due-dates");
      throw new AssertionError(
          "due dates shown "
              + dueDates(b)
              + ", expected "
              + dates
              + " at "
              + b.driver.getCurrentUrl(),
          e);
    }
  }

  private static List<String> dueDates(Browser b) {
    return b.all("[data-test=items] [data-test=item-due]").stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Moves the open item page forward to {@code stage}, naming the assignee when there is one. */
  private static void move(Browser b, String stage, String assignee) {
    b.until(By.cssSelector("[data-test=forward][data-to=" + stage + "]")).click();
    if (assignee != null) {
      b.type("assignee", assignee);
    }
    b.type("move-note", "浏览器测试推进");
    b.clickTest("confirm-move");
    b.until(By.cssSelector("[data-test=stage-steps][data-stage=" + stage + "]"));
  }

  @Test
  @Order(4)
  void theFgwLeadSeesOnlyFgwAndActsOnTheNotice() throws IOException {
    lead = Browser.start(Browser.PROFILES);
    long millis = lead.signIn(suite.stack.gatewayUrl() + "/", "lead-fgw");
    Files.writeString(
        target.resolve("console-figures.txt"),
        "sign-in submit to usable 工作台 (lead-fgw, services warm): " + millis + " ms\n",
        StandardOpenOption.APPEND);
    System.out.printf("console: sign-in to usable 工作台 (services warm) %d ms%n", millis);
    assertThat(lead.test("person").getText()).contains("李主任", "市发展和改革委员会");
    lead.page("08-dashboard-lead-fgw");

    lead.driver.get(suite.stack.gatewayUrl() + "/items");
    lead.until(By.cssSelector("[data-test=items] [data-test=item-unit]"));
    assertThat(lead.all("[data-test=filter-unit]")).as("no unit filter for a unit lead").isEmpty();
    assertThat(lead.all("[data-test=item-unit]"))
        .extracting(WebElement::getText)
        .isNotEmpty()
        .allMatch("市发展和改革委员会"::equals);
    lead.page("09-items-lead-fgw");

    // the notice arrives through Kafka: the inbox is read again until it is there
    By notice =
        By.cssSelector(
            "[data-test=notice][data-type=FINDING_RAISED][data-link='/api/items/"
                + redItemId
                + "']");
    new WebDriverWait(lead.driver, Duration.ofSeconds(60))
        .until(
            d -> {
              d.get(suite.stack.gatewayUrl() + "/inbox");
              lead.test("inbox");
              return !lead.all("[data-test=notice][data-link='/api/items/" + redItemId + "']")
                      .isEmpty()
                  && !d.findElements(notice).isEmpty();
            });
    lead.until(By.cssSelector("[data-test=unread-badge] .el-badge__content"));
    // a notice asking for 签收 shows whether it is signed for and by when
    assertThat(
            lead.until(
                    By.xpath(
                        "//tr[.//*[@data-test='notice' and @data-type='FINDING_RAISED']]"
                            + "//*[@data-test='receipt']"))
                .getText())
        .contains("签收期限");
    lead.page("10-inbox-lead-fgw");
    lead.click(notice);
    lead.waitForPath("/items/" + redItemId);

    lead.type("progress-note", "已召开专题会议，补齐台账资料。");
    boolean evidence = evidenceFilesExist();
    if (evidence) {
      Path file = Files.createTempFile("现场核查记录", ".pdf");
      Files.write(
          file,
          "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
      // the file input itself is visually hidden behind the console's 选择文件 button
      lead.driver
          .findElement(By.cssSelector("[data-test=evidence-file]"))
          .sendKeys(file.toString());
    }
    lead.clickTest("send-progress");
    lead.until(By.xpath("//*[@data-test='history']//*[contains(., '已召开专题会议')]"));
    if (evidence) {
      lead.until(By.cssSelector("[data-test=attachment]"));
    }

    lead.clickTest("rectify");
    lead.type("rectify-report", "已完成整改，台账按月报送。");
    lead.clickTest("confirm-rectify");
    lead.until(By.cssSelector("[data-test=finding-status][data-status=RECTIFIED]"));
    assertThat(lead.all("[data-test=forward]")).as("a unit lead does not move stages").isEmpty();
    lead.page("11-item-detail-lead-fgw");
  }

  /** Whether checklist-service takes evidence files (GET /api/items/{id}/attachments answers). */
  private static boolean evidenceFilesExist() {
    return suite.get("inspector", "/api/items/" + redItemId + "/attachments").status() == 200;
  }

  @Test
  @Order(5)
  void theInspectorVerifiesAndClosesTheItem() {
    Browser b = inspector;
    b.driver.get(suite.stack.gatewayUrl() + "/items/" + redItemId);
    // the lead's progress shows who posted it by name (the gateway's directory of people)
    b.until(
        By.xpath(
            "//*[@data-test='history']//*[contains(., '"
                + DemoIdentity.of("lead-fgw").name()
                + "')]"));
    b.clickTest("verify");
    b.type("verify-note", "整改到位");
    b.clickTest("accept");
    b.until(By.cssSelector("[data-test=finding-status][data-status=VERIFIED]"));
    for (String stage :
        List.of("MEETING_REVIEWED", "INSPECTING", "ON_SITE_VERIFIED", "REPORTED", "CLOSED")) {
      move(b, stage, null);
    }
    assertThat(b.test("stage-steps").getText()).contains("当前环节：办结");
    b.page("12-item-detail-closed");
  }

  @Test
  @Order(6)
  void signingOutEndsTheGatewaySession() {
    lead.clickTest("sign-out");
    // the console hands over to the issuer's end-session page once the gateway's session is gone
    new WebDriverWait(lead.driver, Browser.PATIENCE)
        .until(d -> !d.getCurrentUrl().startsWith(suite.stack.gatewayUrl()));
    lead.driver.get(suite.stack.gatewayUrl() + "/api/me");
    assertThat(lead.driver.getPageSource()).contains("401");
  }

  /**
   * The JavaScript the browser fetched for the first screen (Resource Timing), fetched again in the
   * page and gzipped there (CompressionStream) as a gateway with compression would send it.
   */
  private static long firstScreenJavaScriptGzipped(Browser b) {
    Object bytes =
        ((JavascriptExecutor) b.driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const urls = performance.getEntriesByType('resource').map(e => e.name)"
                    + ".filter(n => n.endsWith('.js'));"
                    + "Promise.all(urls.map(async u => {"
                    + "  const r = await fetch(u);"
                    + "  const gz = r.body.pipeThrough(new CompressionStream('gzip'));"
                    + "  return (await new Response(gz).arrayBuffer()).byteLength; }))"
                    + ".then(sizes => done(urls.length ? sizes.reduce((a, s) => a + s, 0) : -1))"
                    + ".catch(e => done(-2));");
    long total = ((Number) bytes).longValue();
    assertThat(total).as("JavaScript of the first screen measured").isPositive();
    return total;
  }
}
