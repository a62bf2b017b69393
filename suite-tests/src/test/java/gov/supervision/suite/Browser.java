package gov.supervision.suite;

import gov.supervision.contracts.DemoIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium (Debian's {@code chromium} and its matching {@code chromedriver},
 * a fresh profile each time), with the few moves the console tests need: sign in through the
 * issuer's form, find what is shown, click, type, pick from Element Plus selects, screenshot, scan
 * with axe-core.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final Path TARGET = Path.of("target");
  static final Path SCREENSHOTS = TARGET.resolve("screenshots");
  static final Path PROFILES = TARGET.resolve("chromium-profiles");

  private static String axeSource;

  final ChromeDriver driver;
  private final WebDriverWait wait;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100));
  }

  /** Fails, with how to install them, where Debian's Chromium or its driver is missing. */
  static void requireChromium() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new AssertionError(
          "The console's browser tests need Debian's Chromium and its driver at "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + ": install them with `apt-get install -y chromium chromium-driver fonts-noto-cjk`"
              + " (or run .ci/run, which does so where they are missing).");
    }
  }

  static Browser start(Path profiles) {
    requireChromium();
    try {
      Path profile = Files.createDirectories(profiles.resolve(UUID.randomUUID().toString()));
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--lang=zh-CN",
          "--window-size=1440,900",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(new Dimension(1440, 900));
      driver.manage().timeouts().scriptTimeout(PATIENCE);
      return new Browser(driver);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new browser (fresh profile under target/) of the demo identity {@code id} signed in on the
   * issuer's form with its password, showing a usable 工作台.
   */
  static Browser signedIn(Suite suite, String id) {
    Browser browser = start(PROFILES);
    browser.signIn(suite.stack.gatewayUrl() + "/", id);
    return browser;
  }

  /** Closes every browser given that was started (the others are null). */
  static void closeAll(Browser... browsers) {
    for (Browser browser : browsers) {
      if (browser != null) {
        browser.close();
      }
    }
  }

  /** {@link #signIn(String, String, String)} as the demo identity {@code id}, with its password. */
  long signIn(String url, String id) {
    return signIn(url, id, DemoIdentity.of(id).secret());
  }

  /**
   * Opens {@code url}, signs in on the issuer's form and answers the milliseconds from submit to a
   * usable 工作台.
   */
  long signIn(String url, String username, String password) {
    driver.get(url);
    WebElement user = until(By.name("username"));
    user.sendKeys(username);
    driver.findElement(By.name("password")).sendKeys(password);
    long submitted = System.nanoTime();
    driver.findElement(By.name("password")).sendKeys(Keys.ENTER);
    until(By.cssSelector("[data-test=dashboard][data-ready=true]"));
    return (System.nanoTime() - submitted) / 1_000_000;
  }

  /** The first displayed element matching {@code by}, waiting for it. */
  WebElement until(By by) {
    return wait.ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(by).stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .orElse(null));
  }

  /** Opens the page of the left menu named {@code label}. */
  void menu(String label) {
    click(By.xpath("//li[contains(@class,'el-menu-item') and contains(., '" + label + "')]"));
  }

  /** Waits until {@code by} matches no displayed element. */
  void gone(By by) {
    wait.ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElements(by).stream().noneMatch(WebElement::isDisplayed));
  }

  WebElement test(String name) {
    return until(By.cssSelector("[data-test='" + name + "']"));
  }

  void click(By by) {
    wait.ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement element = until(by);
              ((JavascriptExecutor) d)
                  .executeScript("arguments[0].scrollIntoView({block:'center'})", element);
              element.click();
              return true;
            });
  }

  void clickTest(String name) {
    click(By.cssSelector("[data-test='" + name + "']"));
  }

  /** Types into the input or textarea inside the element marked {@code name}. */
  void type(String name, String text) {
    WebElement field =
        until(
            By.cssSelector(
                "[data-test='"
                    + name
                    + "'] input, [data-test='"
                    + name
                    + "'] textarea, input[data-test='"
                    + name
                    + "'], textarea[data-test='"
                    + name
                    + "']"));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    field.sendKeys(text);
  }

  /** Types a date into the Element Plus date picker whose input is named {@code name}. */
  void date(String name, String isoDate) {
    WebElement input = until(By.cssSelector("input[name='" + name + "']"));
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    // Enter takes the typed date and closes the panel (Escape would close the dialog around it)
    input.sendKeys(isoDate, Keys.ENTER);
  }

  /**
   * Opens the Element Plus select marked {@code name} and picks the option whose text contains
   * {@code label}.
   */
  void pick(String name, String label) {
    clickTest(name);
    click(
        By.xpath(
            "//li[contains(@class,'el-select-dropdown__item') and contains(normalize-space(.), '"
                + label
                + "')]"));
  }

  /** Clicks the button with this text in the confirm box that is open. */
  void confirm(String button) {
    click(
        By.xpath(
            "//div[contains(@class,'el-message-box')]//button[normalize-space(.)='"
                + button
                + "']"));
    gone(By.cssSelector(".el-message-box"));
  }

  String path() {
    return (String) ((JavascriptExecutor) driver).executeScript("return location.pathname");
  }

  void waitForPath(String path) {
    wait.until(d -> path.equals(path()));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  void screenshot(Path dir, String name) {
    try {
      Files.createDirectories(dir);
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Screenshots the page now shown as {@code name} under target/screenshots and fails on any
   * serious or critical axe-core violation.
   */
  void page(String name) {
    String found = look(SCREENSHOTS, name, axeSource());
    org.assertj.core.api.Assertions.assertThat(found)
        .as("serious or critical axe-core violations on " + name)
        .isBlank();
  }

  /**
   * axe.min.js from the console's node_modules (installed by the console's {@code npm ci}), read
   * once; fails saying how to get it where it is missing.
   */
  static synchronized String axeSource() {
    if (axeSource == null) {
      axeSource = readAxe();
    }
    return axeSource;
  }

  private static String readAxe() {
    Path root = Path.of(System.getProperty("suite.repositoryRoot", "..")).toAbsolutePath();
    Path axe = root.resolve("console/node_modules/axe-core/axe.min.js");
    if (!Files.exists(axe)) {
      throw new AssertionError(
          "axe-core comes with the console's npm ci; build without -Dskip.console (" + axe + ")");
    }
    try {
      return Files.readString(axe, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The page now shown, settled (no toast, no loading mask) and from its top: screenshotted as
   * {@code name} under {@code dir} and scanned with axe-core; answers the serious and critical
   * violations (empty when none).
   */
  String look(Path dir, String name, String axeSource) {
    // a toast fading out is half transparent: scan the page, not the toast's leave animation
    gone(By.cssSelector(".el-message"));
    gone(By.cssSelector(".el-loading-mask"));
    driver.executeScript("document.querySelector('.main')?.scrollTo(0, 0)");
    screenshot(dir, name);
    return axe(axeSource);
  }

  /**
   * The serious and critical violations axe-core finds on the page, one line each (empty when
   * none); {@code axeSource} is axe.min.js from the console's node_modules.
   */
  String axe(String axeSource) {
    JavascriptExecutor js = driver;
    js.executeScript(axeSource);
    Object answer =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 160)).join(' | '))"
                + ".join('\\n'))).catch(e => done('axe failed: ' + e));");
    return String.valueOf(answer);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
