package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The keepers of the suite in the console, in real Chromium: the evaluator lists cadres, registers
 * one, imports a file (its bad row shown in a table, then a good file), adds an evaluation record
 * with the six dimensions and corrects it, and sees the old record kept and marked as corrected;
 * the administrator edits the notification rules as a form (the service's field error shown next to
 * the field), changes a rule and finds the change in the history with who and what, sees the
 * deliveries, and chooses checklist-service's dead letters, finds the veto it parked there and
 * replays it (gone from the list, counted in the unit's early warning). A screenshot and an
 * axe-core scan of every page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleKeepersBrowserIT {

  static final Suite suite = Suite.get();
  static final String suffix = UUID.randomUUID().toString().substring(0, 8);
  static final String cadreId = "ck-" + suffix;
  static final String cadreName = "孙档案" + suffix.substring(0, 4);
  static Browser evaluator;
  static Browser admin;

  @BeforeAll
  static void chromiumAndAxe() {
    Browser.requireChromium();
    Browser.axeSource();
  }

  /**
   * A published item with a finding: its notices go out by e-mail too, so deliveries exist. The
   * first calls to a service just started may outlast the gateway's 3 s on a loaded machine (504):
   * tried again then.
   */
  static void somethingDelivered() {
    for (int attempt = 1; ; attempt++) {
      try {
        AccessMatrixIT.fresh();
        return;
      } catch (AssertionError e) {
        if (attempt == 3 || !String.valueOf(e.getMessage()).contains("504")) {
          throw e;
        }
      }
    }
  }

  @AfterAll
  static void closeBrowsers() {
    Browser.closeAll(evaluator, admin);
  }

  @Test
  @Order(1)
  void theEvaluatorRegistersACadreAndImportsAFile() throws IOException {
    evaluator = Browser.signedIn(suite, "evaluator");
    Browser b = evaluator;
    b.menu("干部档案");
    b.test("cadres");
    b.page("31-cadres-evaluator");

    b.clickTest("new-cadre");
    b.type("cadre-id", cadreId);
    b.type("cadre-name", cadreName);
    b.pick("cadre-unit", "市财政局");
    b.type("cadre-position", "科长");
    b.clickTest("save-cadre");
    b.waitForPath("/cadres/" + cadreId);
    b.test("records");
    assertThat(b.until(By.id("cadre-title")).getText()).contains(cadreName, cadreId);

    b.menu("干部档案");
    b.clickTest("import-cadres");
    String first = "ci-" + suffix;
    Path bad =
        csv("bad", "编号,姓名,单位,职务\n" + first + ",周导入,FGW,科员\n" + "ci2-" + suffix + ",吴导入,fgw,科员\n");
    b.until(By.cssSelector("input[type=file][data-test=import-file]"))
        .sendKeys(bad.toAbsolutePath().toString());
    b.clickTest("run-import");
    WebElement errors = b.test("import-errors");
    assertThat(errors.getText()).contains("3", "单位");
    b.page("32-cadre-import-errors");

    Path good = csv("good", "编号,姓名,单位,职务\n" + first + ",周导入,FGW,科员\n");
    b.until(By.cssSelector("input[type=file][data-test=import-file]"))
        .sendKeys(good.toAbsolutePath().toString());
    b.clickTest("run-import");
    b.gone(By.cssSelector("[data-test=import-errors]"));

    b.type("filter-name", cadreName);
    b.clickTest("search");
    new WebDriverWait(b.driver, Browser.PATIENCE)
        .until(d -> b.all("[data-test=cadre-link]").size() == 1);
    assertThat(b.test("cadres").getText()).contains(cadreName, "市财政局", "科长");
  }

  private static Path csv(String name, String content) throws IOException {
    Path dir = Files.createDirectories(Browser.TARGET.resolve("browser-files"));
    Path file = dir.resolve("cadres-" + name + "-" + suffix + ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  @Order(2)
  void theEvaluatorAddsARecordCorrectsItAndSeesTheOldOneMarked() {
    Browser b = evaluator;
    b.clickTest("cadre-link");
    b.waitForPath("/cadres/" + cadreId);
    b.page("33-cadre-empty");

    b.clickTest("new-evaluation");
    b.clickTest("save-evaluation");
    // the form's messages appear once its validation has run
    new WebDriverWait(b.driver, Browser.PATIENCE)
        .until(
            d ->
                b.test("evaluation-form").getText().contains("请填写评价来源")
                    && b.test("evaluation-form").getText().contains("请为政治判断力评分"));
    b.pick("eval-source", "年度考核");
    for (String dimension : Fixtures.DIMENSIONS) {
      b.click(
          By.xpath(
              "//*[@data-test='dim-"
                  + dimension
                  + "']//label[.//span[normalize-space(.)='"
                  + (dimension.equals("POLITICAL_STANCE") ? "1" : "2")
                  + "']]"));
    }
    b.pick("eval-conclusion", "不合格");
    b.type("eval-remarks", "年度考核：政治立场不坚定");
    b.page("34-evaluation-form");
    b.clickTest("save-evaluation");
    new WebDriverWait(b.driver, Browser.PATIENCE)
        .until(d -> b.all("[data-test=records] tbody tr").size() == 1);

    b.clickTest("correct-record");
    assertThat(b.test("correcting").getText()).contains("不合格");
    b.pick("eval-conclusion", "良好");
    b.type("eval-reason", "录入时误选结论，经复核更正为良好");
    b.clickTest("save-evaluation");
    new WebDriverWait(b.driver, Browser.PATIENCE)
        .until(d -> b.all("[data-test=records] tbody tr").size() == 2);
    // the table is drawn again when the evaluator's name arrives; its tag zooms in anew
    new WebDriverWait(b.driver, Browser.PATIENCE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> supersededRowText(b).contains("已更正"));
    List<WebElement> marked = b.all("[data-test=records] [data-test=record-superseded]");
    assertThat(marked).hasSize(1);
    WebElement oldRow = marked.get(0).findElement(By.xpath("./ancestor::tr"));
    assertThat(oldRow.getText()).contains("不合格", "已更正");
    assertThat(b.test("records").getText()).contains("良好", "更正理由：录入时误选结论");
    assertThat(b.all("[data-test=records] [data-test=correct-record]"))
        .as("only the record in force can be corrected")
        .hasSize(1);
    b.page("35-cadre-records-corrected");
  }

  @Test
  @Order(3)
  void theAdminSeesTheServicesFieldErrorNextToTheRule() {
    somethingDelivered();
    admin = Browser.signedIn(suite, "admin");
    Browser b = admin;
    b.menu("系统管理");
    b.until(By.cssSelector("[data-test=rules] tbody tr"));
    b.page("36-admin-rules");

    String vetoRow = ruleRow("一票否决");
    b.click(By.xpath(vetoRow + "//*[@data-test='rule-roles']"));
    b.click(
        By.xpath(
            "//li[contains(@class,'el-select-dropdown__item') and contains(normalize-space(.),"
                + " '单位负责人')]"));
    b.click(By.id("admin-title")); // closes the dropdown
    b.clickTest("save-rules");
    WebElement error = b.until(By.xpath(vetoRow + "//*[contains(@class,'el-form-item__error')]"));
    assertThat(error.getText()).isNotBlank();
    assertThat(b.test("rule-errors").getText()).contains("一票否决", "提醒角色", error.getText());
    b.page("37-admin-rule-field-error");
    b.clickTest("reload-rules");
    b.gone(By.cssSelector("[data-test=rules] .el-form-item__error"));
  }

  @Test
  @Order(4)
  void theAdminChangesARuleAndFindsTheChangeInTheHistory() {
    Browser b = admin;
    String closedRow = ruleRow("事项办结");
    boolean wasOn = switchOn(b, closedRow);
    b.click(By.xpath(closedRow + "//*[@data-test='rule-enabled']"));
    b.clickTest("save-rules");
    b.until(By.xpath("//*[contains(@class,'el-message--success')]"));
    b.gone(By.cssSelector(".el-message"));
    assertThat(switchOn(b, closedRow)).isEqualTo(!wasOn);
    // and back, as the other tests expect the rules they started with
    b.click(By.xpath(closedRow + "//*[@data-test='rule-enabled']"));
    b.clickTest("save-rules");
    b.until(By.xpath("//*[contains(@class,'el-message--success')]"));
    assertThat(switchOn(b, closedRow)).isEqualTo(wasOn);

    b.click(By.xpath("//*[contains(@class,'el-tabs__item') and normalize-space(.)='变更记录']"));
    b.until(By.cssSelector("[data-test=rule-history] [data-test=change-by]"));
    List<WebElement> rows = b.all("[data-test=rule-history] tbody tr");
    assertThat(rows.size()).isGreaterThanOrEqualTo(2);
    for (WebElement row : rows.subList(0, 2)) {
      assertThat(row.getText()).contains("admin", "事项办结");
    }
    // one side of each change shows the rule switched off
    assertThat(rows.get(0).getText()).contains("【已停用】");
    assertThat(rows.get(1).getText()).contains("【已停用】");
    b.page("38-admin-rule-history");
  }

  @Test
  @Order(5)
  void theAdminSeesTheDeliveriesAndTheDeadLetters() {
    Browser b = admin;
    b.click(By.xpath("//*[contains(@class,'el-tabs__item') and normalize-space(.)='投递记录']"));
    new WebDriverWait(b.driver, Browser.PATIENCE)
        .until(
            d -> {
              if (!b.all("[data-test=deliveries] [data-test=delivery-state]").isEmpty()) {
                return true;
              }
              b.clickTest("reload-deliveries");
              return false;
            });
    assertThat(b.test("deliveries").getText()).containsAnyOf("已送达", "待投递", "失败");
    assertThat(b.test("deliveries").getText()).contains("电子邮件");
    b.page("39-admin-deliveries");

    b.click(By.xpath("//*[contains(@class,'el-tabs__item') and normalize-space(.)='死信']"));
    assertThat(b.test("dead-total").getText()).contains("待重放", "提醒服务");

    // a veto checklist-service could not take when it came, parked by its error handler
    String unit = "DL" + letters(6);
    String veto = parkVetoFor(unit);
    b.click(By.xpath("//*[@data-test='dead-service']//label[normalize-space(.)='清单服务']"));
    new WebDriverWait(b.driver, Browser.PATIENCE)
        .until(
            d -> {
              if (b.test("dead-letters").getText().contains(veto)) {
                return true;
              }
              b.clickTest("reload-dead-letters");
              return false;
            });
    assertThat(b.test("dead-total").getText()).contains("清单服务");
    assertThat(b.test("dead-letters").getText())
        .contains("evaluation.cadre.v1", "gov.supervision.cadre.vetoed.v2");
    b.page("40-admin-dead-letters");

    b.clickTest("replay");
    b.confirm("重放");
    b.until(By.xpath("//*[contains(@class,'el-message--success')]"));
    new WebDriverWait(b.driver, Browser.PATIENCE)
        .until(d -> !b.test("dead-letters").getText().contains(veto));
    b.page("41-admin-dead-letters-replayed");
    // checklist-service's veto listener took it: the unit counts the vetoed cadre
    Suite.Answer warning = suite.get("inspector", "/api/units/" + unit + "/early-warning");
    assertThat(warning.json().path("indicators").path("vetoedCadres").asInt())
        .as(warning.toString())
        .isEqualTo(1);
  }

  /**
   * A readable CadreVetoed for a cadre of {@code unit} on evaluation.cadre.v1-dlt, as
   * checklist-service's error handler parks a record its veto listener gave up on (written with the
   * operator's login: no service may write there but those consuming the topic); its event id.
   */
  private static String parkVetoFor(String unit) {
    String eventId = UUID.randomUUID().toString();
    String cadre = "dl-" + suffix;
    ProducerRecord<String, String> parked =
        new ProducerRecord<>(
            Topics.EVALUATION + "-dlt",
            cadre,
            "{\"cadreId\":\"%s\",\"name\":\"钱停放\",\"unit\":\"%s\",\"purposes\":[\"PROMOTION\"],\"reasons\":[]}"
                .formatted(cadre, unit));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ce_id", eventId);
    headers.put("ce_type", "gov.supervision.cadre.vetoed.v2");
    headers.put("ce_source", "/evaluation-service");
    headers.put("ce_specversion", "1.0");
    headers.put("ce_subject", cadre);
    headers.put("content-type", "application/json");
    headers.put("kafka_dlt-original-topic", Topics.EVALUATION);
    headers.put("kafka_dlt-original-consumer-group", "checklist-service");
    headers.put(
        "kafka_dlt-exception-fqcn", "org.springframework.dao.DataAccessResourceFailureException");
    headers.forEach((k, v) -> parked.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            suite.operatorLogin(), new StringSerializer(), new StringSerializer())) {
      producer.send(parked).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not park a veto", e);
    }
    return eventId;
  }

  /** {@code n} random capital letters (a unit code of its own). */
  private static String letters(int n) {
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < n; i++) {
      letters.append((char) ('A' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26)));
    }
    return letters.toString();
  }

  /** The row of the rules table whose event select shows {@code event}, as an XPath. */
  private static String ruleRow(String event) {
    return "//*[@data-test='rules']//tr[.//*[@data-test='rule-event']//*[contains(@class,"
        + "'el-select__selected-item') and normalize-space(.)='"
        + event
        + "']]";
  }

  private static boolean switchOn(Browser b, String row) {
    return b.until(By.xpath(row + "//*[@data-test='rule-enabled']"))
        .getAttribute("class")
        .contains("is-checked");
  }

  /** The text of the first row marked as corrected, empty while there is none. */
  private static String supersededRowText(Browser b) {
    List<WebElement> marked = b.all("[data-test=records] [data-test=record-superseded]");
    return marked.isEmpty() ? "" : marked.get(0).findElement(By.xpath("./ancestor::tr")).getText();
  }
}
