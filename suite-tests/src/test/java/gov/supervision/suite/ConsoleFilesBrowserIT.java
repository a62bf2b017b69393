package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.DemoIdentity;
import gov.supervision.suite.Suite.Answer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The HR and audit story in the console, in real Chromium: HR opens a review case with a vetoed and
 * a clean candidate on the 选任审查 page, sees the veto with its reasons, reads the vetoed candidate's
 * file under a watermark naming 刘人事 and downloads the printed PDF; the auditor finds those reads in
 * 访问审计 by the case number and verifies the log. A link to a cadre (as notices carry) asks HR for
 * the open case that lists the cadre. A screenshot and an axe-core scan of every page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleFilesBrowserIT {

  static final Suite suite = Suite.get();
  static final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static final String suffix = UUID.randomUUID().toString().substring(0, 8);
  static final String vetoed = "cv-" + suffix;
  static final String clean = "cc-" + suffix;
  static final String outside = "co-" + suffix;
  static final String caseNo = "2026-干部选拔-" + suffix;
  static Browser hr;
  static Browser auditor;

  @BeforeAll
  static void twoCadresOneOfThemVetoed() {
    Browser.requireChromium();
    Browser.axeSource();
    register(vetoed, "赵否决", "CZJ", "副局长");
    register(clean, "钱合格", "FGW", "处长");
    register(outside, "孙案外", "JW", "科长");
    evaluate(clean, "GOOD", "年度考核良好");
    evaluate(vetoed, "UNQUALIFIED", "年度考核不合格");
  }

  private static void register(String id, String name, String unit, String position) {
    Answer cadre =
        suite.post(
            "evaluator",
            "/api/cadres",
            Map.of("id", id, "name", name, "unit", unit, "position", position));
    assertThat(cadre.status()).as(cadre.toString()).isEqualTo(201);
  }

  private static void evaluate(String id, String conclusion, String remarks) {
    Answer record =
        suite.post(
            "evaluator",
            "/api/cadres/" + id + "/evaluations",
            Map.of(
                "date",
                today.minusDays(20).toString(),
                "source",
                "ANNUAL_ASSESSMENT",
                "dimensions",
                Fixtures.dimensions(conclusion.equals("UNQUALIFIED") ? 1 : 4),
                "conclusion",
                conclusion,
                "remarks",
                remarks));
    assertThat(record.status()).as(record.toString()).isEqualTo(201);
  }

  @AfterAll
  static void closeBrowsers() {
    Browser.closeAll(hr, auditor);
  }

  @Test
  @Order(1)
  void hrOpensACaseAndSeesTheVetoWithItsReasons() {
    hr = Browser.signedIn(suite, "hr");
    hr.menu("选任审查");
    hr.test("cases");
    hr.page("21-review-cases-hr");

    hr.clickTest("new-case");
    hr.type("case-no", caseNo);
    hr.type("case-title", "2026年度处级干部选拔任用审查（浏览器测试）");
    hr.type("case-candidates", vetoed + "，" + clean);
    hr.clickTest("confirm-case");
    hr.until(By.cssSelector("[data-test=case-status][data-status=OPEN]"));
    hr.until(By.cssSelector("[data-test=eligibility][data-vetoed=true]"));
    hr.until(By.cssSelector("[data-test=eligibility][data-vetoed=false]"));
    assertThat(hr.test("candidates").getText()).contains("赵否决", "钱合格", "一票否决", "无否决情形", "不合格");
    hr.page("22-review-case-hr");
  }

  @Test
  @Order(2)
  void hrReadsTheFileUnderAWatermarkAndDownloadsThePdf() {
    hr.click(
        By.xpath(
            "//tr[.//*[@data-test='candidate-name' and .='赵否决']]//a[@data-test='open-dossier']"));
    hr.until(By.cssSelector("[data-test=records] tbody tr"));
    assertThat(hr.test("reader").getText()).contains(DemoIdentity.of("hr").name(), caseNo);
    List<WebElement> tiles = hr.all("[data-test=watermark] .tile");
    assertThat(tiles).isNotEmpty();
    assertThat(tiles.get(0).getText()).contains(DemoIdentity.of("hr").name(), "仅供审阅");
    assertThat(hr.test("veto").getText()).contains("一票否决");
    hr.page("23-dossier-hr");

    String pdf =
        (String)
            ((JavascriptExecutor) hr.driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(async r => done(r.status + ' '"
                        + " + r.headers.get('content-type') + ' ' + (await r.arrayBuffer()).byteLength))"
                        + ".catch(e => done('failed ' + e));",
                    hr.test("dossier-pdf").getAttribute("href"));
    assertThat(pdf).startsWith("200 application/pdf");
  }

  @Test
  @Order(3)
  void aLinkToACadreAsksHrForTheReviewCase() {
    hr.driver.get(suite.stack.gatewayUrl() + "/cadres/" + outside);
    assertThat(hr.test("no-case").getText()).contains("没有列入该干部的进行中审查案件");
    hr.page("25-cadre-link-no-case-hr");

    hr.driver.get(suite.stack.gatewayUrl() + "/cadres/" + clean);
    hr.until(By.cssSelector("[data-test=records]"));
    assertThat(hr.path()).endsWith("/dossier/" + clean);
    assertThat(hr.test("reader").getText()).contains(DemoIdentity.of("hr").name(), caseNo);
  }

  @Test
  @Order(4)
  void theAuditorSeesThoseReadsAndVerifiesTheLog() {
    auditor = Browser.signedIn(suite, "auditor");
    auditor.driver.get(suite.stack.gatewayUrl() + "/access-log");
    auditor.type("filter-case", caseNo);
    auditor.clickTest("search");
    new org.openqa.selenium.support.ui.WebDriverWait(auditor.driver, Browser.PATIENCE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                auditor.all("[data-test=access-log] [data-test=entry-actor]").stream()
                        .map(WebElement::getText)
                        .filter("hr"::equals)
                        .count()
                    >= 3);
    assertThat(auditor.test("access-log").getText()).contains(vetoed, "dossier", "dossier.pdf");

    auditor.clickTest("verify");
    WebElement result = auditor.until(By.cssSelector("[data-test=verify-result]"));
    assertThat(result.getAttribute("data-valid")).isEqualTo("true");
    assertThat(result.getText()).contains("完整");
    auditor.page("24-access-log-auditor");
  }
}
