package dev.supportkit.examples.webdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One request's life in a real browser — headless Debian Chromium driven by Selenium with the driver path
 * given, so nothing is downloaded — across three browser sessions: the customer registers it in the portal
 * through the PBX questionnaire; the operator takes it and redirects it to second line; the engineer asks a
 * question, the customer answers, the engineer resolves; the customer signs off; the lead closes; the customer
 * rates the work in the survey closing sent. And a
 * registration form with bad input shows each field's error. Screenshots of each step go to
 * {@code target/screenshots/}. The browser and driver paths come from {@code SUPPORTKIT_TEST_CHROMIUM} and
 * {@code SUPPORTKIT_TEST_CHROMEDRIVER} (defaults {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver});
 * a missing one fails the test.
 */
class BrowserLifeTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    @TempDir
    static Path data;
    private static WebDesk desk;
    private static String base;
    private final List<WebDriver> browsers = new ArrayList<>();
    private int step;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        desk = DeskFixture.start(data);
        base = "http://127.0.0.1:" + desk.port();
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    @DisplayName("customer, operator, engineer, customer, lead: one request's life in three browser sessions")
    void wholeLifeInThreeSessions() {
        WebDriver customer = browser();
        WebDriver staff = browser();
        WebDriver engineer = browser();

        login(customer, "irina");
        click(customer, By.id("new-request"));
        WebElement before = customer.findElement(By.tagName("html"));
        new Select(customer.findElement(By.id("system"))).selectByValue("romashka-pbx"); // reloads with its questionnaire
        new WebDriverWait(customer, Duration.ofSeconds(10)).until(ignored -> replaced(before));
        customer.findElement(By.id("questionnaire"));
        customer.findElement(By.id("subject")).sendKeys("Нет входящих звонков");
        customer.findElement(By.id("text")).sendKeys("С 9:00 звонящие слышат «занято»; the PBX does not answer.");
        new Select(customer.findElement(By.id("answer.scope"))).selectByVisibleText("whole office");
        customer.findElement(By.id("answer.since")).sendKeys("09:00");
        shot(customer, "customer-registers");
        click(customer, By.id("register"));
        String id = customer.findElement(By.id("request")).getAttribute("data-id");
        assertEquals("REGISTERED", status(customer));
        shot(customer, "customer-registered");

        login(staff, "anna");
        click(staff, By.id("queue-unassigned"));
        click(staff, By.cssSelector("tr[data-request='" + id + "'] a"));
        assertFalse(staff.findElements(By.cssSelector("#suggestions li[data-kind='FAQ']")).isEmpty(),
                "suggestions from the FAQ");
        click(staff, By.id("do-take"));
        assertEquals("IN_PROGRESS_FIRST_LINE", status(staff));
        new Select(staff.findElement(By.id("redirect-target"))).selectByValue("group:telephony");
        staff.findElement(By.id("redirect-reason")).sendKeys("Hardware suspected");
        shot(staff, "operator-redirects");
        click(staff, By.id("do-redirect"));
        assertEquals("AT_SECOND_LINE", status(staff));

        login(engineer, "viktor");
        click(engineer, By.id("queue-group"));
        click(engineer, By.cssSelector("tr[data-request='" + id + "'] a"));
        engineer.findElement(By.id("clarification-request-question")).sendKeys("Мигает ли красный индикатор блока питания?");
        click(engineer, By.id("do-clarification-request"));
        assertEquals("WAITING_FOR_CUSTOMER", status(engineer));
        shot(engineer, "engineer-asks");

        customer.get(base + "/portal");
        click(customer, By.cssSelector("tr[data-request='" + id + "'] a"));
        assertTrue(customer.findElement(By.id("journal")).getText().contains("индикатор"), "the question is customer-visible");
        customer.findElement(By.id("clarification-answer")).sendKeys("Да, мигает красным.");
        click(customer, By.id("do-clarification"));
        assertEquals("AT_SECOND_LINE", status(customer));
        shot(customer, "customer-answers");

        engineer.navigate().refresh();
        engineer.findElement(By.id("resolve-summary")).sendKeys("Заменён блок питания, звонки проходят");
        engineer.findElement(By.id("resolve-cause")).sendKeys("Отказ блока питания");
        click(engineer, By.id("do-resolve"));
        assertEquals("RESOLVED", status(engineer));
        assertTrue(engineer.findElement(By.id("journal")).getText().contains("C/03.6"), "labour-function codes shown");
        shot(engineer, "engineer-resolves");

        customer.navigate().refresh();
        customer.findElement(By.id("sign-off-comment")).sendKeys("Всё работает, спасибо");
        click(customer, By.id("do-sign-off"));
        assertEquals("SIGNED_OFF", status(customer));
        shot(customer, "customer-signs-off");

        click(staff, By.id("logout"));
        login(staff, "boris");
        staff.get(base + "/requests/" + id);
        staff.findElement(By.id("close-note")).sendKeys("Checked with the customer");
        click(staff, By.id("do-close"));
        assertEquals("CLOSED", status(staff));
        click(staff, By.id("verify"));
        assertTrue(staff.findElement(By.id("flash")).getText().contains("intact"), staff.findElement(By.id("flash")).getText());
        shot(staff, "lead-closes");

        // the reports page: the lead's figures of the last 30 days with their charts, and the report to download
        staff.get(base + "/reports");
        org.openqa.selenium.WebElement metrics = staff.findElement(By.id("metrics"));
        assertTrue(metrics.findElements(By.cssSelector("figure.chart svg")).size() >= 2, "the charts are drawn");
        shot(staff, "lead-reports");
        String cookie = staff.manage().getCookieNamed(Sessions.COOKIE).getValue();
        for (String format : List.of("pdf", "xlsx", "csv")) {
            try {
                var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/reports/metrics." + format)).header("Cookie", Sessions.COOKIE + "="
                        + cookie).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, download.statusCode(), format);
                assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains("metrics." + format));
                byte[] bytes = download.body();
                String head = new String(bytes, 0, Math.min(bytes.length, 5), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertTrue(format.equals("pdf") ? head.startsWith("%PDF") : format.equals("xlsx") ? head.startsWith("PK")
                        : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("telephony"), format + ": " + head);
            } catch (java.io.IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        // closing sent a satisfaction survey: the customer rates the work on the card, once
        customer.navigate().refresh();
        new org.openqa.selenium.support.ui.Select(customer.findElement(By.id("survey-score"))).selectByValue("4");
        customer.findElement(By.id("survey-comment")).sendKeys("Быстро и вежливо");
        click(customer, By.id("do-survey"));
        assertTrue(customer.findElements(By.id("action-survey")).isEmpty(), "the survey is answered: no form again");
        assertTrue(customer.findElement(By.id("journal")).getText().contains("D/02.7"), "the answer is journalled");
        shot(customer, "customer-rates");

        // the other organisation's representative gets a 404 for the same address
        click(customer, By.id("logout"));
        login(customer, "oleg");
        customer.get(base + "/requests/" + id);
        assertEquals("404", customer.findElement(By.id("error-page")).getAttribute("data-status"));
    }

    @Test
    @DisplayName("a registration with bad input shows each field's error and keeps what was typed")
    void badInputShowsEachFieldsError() {
        WebDriver customer = browser();
        login(customer, "irina");
        customer.get(base + "/portal/new?system=romashka-pbx");
        customer.findElement(By.id("text")).sendKeys("x".repeat(3));
        click(customer, By.id("register"));
        for (String field : List.of("subject", "answer.scope", "answer.since")) {
            WebElement error = customer.findElement(By.id("error-" + field));
            assertFalse(error.getText().isBlank(), field);
        }
        assertEquals("xxx", customer.findElement(By.id("text")).getAttribute("value"), "what was typed is kept");
        assertTrue(customer.findElements(By.id("form-errors")).isEmpty(), "every error sits at its field");
        shot(customer, "bad-input");
    }

    private WebDriver browser() {
        Path chromium = Path.of(env("SUPPORTKIT_TEST_CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(env("SUPPORTKIT_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
        assertTrue(Files.isExecutable(chromium) && Files.isExecutable(driver), "Chromium and its driver are needed at "
                + chromium + " and " + driver + " (apt-get install chromium chromium-driver; .ci/run does)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1600", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        browsers.add(browser);
        return browser;
    }

    private void login(WebDriver browser, String login) {
        browser.get(base + "/login");
        browser.findElement(By.id("login")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys("demo");
        click(browser, By.id("login-submit"));
        assertEquals(login, browser.findElement(By.id("who")).getAttribute("data-login"));
    }

    /** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
    private static void click(WebDriver browser, By by) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(by).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ignored -> replaced(page));
    }

    /**
     * Whether a page's root element has been replaced. While the next document replaces it, Chromium's driver may
     * answer "Node with given id does not belong to the document" instead of a stale-element error: that is gone too.
     */
    private static boolean replaced(WebElement root) {
        try {
            root.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static String status(WebDriver browser) {
        return browser.findElement(By.id("request")).getAttribute("data-status");
    }

    private void shot(WebDriver browser, String name) {
        try {
            Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++step, name)),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
