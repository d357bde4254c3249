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

/**
 * One request's life in a real browser — headless Debian Chromium driven by Selenium with the driver path
 * given, so nothing is downloaded — across three browser sessions: the customer registers it in the portal
 * through the PBX questionnaire; the operator takes it and redirects it to second line; the engineer asks a
 * question, the customer answers, the engineer resolves; the customer signs off; the lead closes. And a
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
        customer.findElement(By.id("new-request")).click();
        new Select(customer.findElement(By.id("system"))).selectByValue("romashka-pbx"); // reloads with its questionnaire
        customer.findElement(By.id("questionnaire"));
        customer.findElement(By.id("subject")).sendKeys("Нет входящих звонков");
        customer.findElement(By.id("text")).sendKeys("С 9:00 звонящие слышат «занято»; the PBX does not answer.");
        new Select(customer.findElement(By.id("answer.scope"))).selectByVisibleText("whole office");
        customer.findElement(By.id("answer.since")).sendKeys("09:00");
        shot(customer, "customer-registers");
        customer.findElement(By.id("register")).click();
        String id = customer.findElement(By.id("request")).getAttribute("data-id");
        assertEquals("REGISTERED", status(customer));
        shot(customer, "customer-registered");

        login(staff, "anna");
        staff.findElement(By.id("queue-unassigned")).click();
        staff.findElement(By.cssSelector("tr[data-request='" + id + "'] a")).click();
        assertFalse(staff.findElements(By.cssSelector("#suggestions li[data-kind='FAQ']")).isEmpty(),
                "suggestions from the FAQ");
        staff.findElement(By.id("do-take")).click();
        assertEquals("IN_PROGRESS_FIRST_LINE", status(staff));
        new Select(staff.findElement(By.id("redirect-target"))).selectByValue("group:telephony");
        staff.findElement(By.id("redirect-reason")).sendKeys("Hardware suspected");
        shot(staff, "operator-redirects");
        staff.findElement(By.id("do-redirect")).click();
        assertEquals("AT_SECOND_LINE", status(staff));

        login(engineer, "viktor");
        engineer.findElement(By.id("queue-group")).click();
        engineer.findElement(By.cssSelector("tr[data-request='" + id + "'] a")).click();
        engineer.findElement(By.id("clarification-request-question")).sendKeys("Мигает ли красный индикатор блока питания?");
        engineer.findElement(By.id("do-clarification-request")).click();
        assertEquals("WAITING_FOR_CUSTOMER", status(engineer));
        shot(engineer, "engineer-asks");

        customer.get(base + "/portal");
        customer.findElement(By.cssSelector("tr[data-request='" + id + "'] a")).click();
        assertTrue(customer.findElement(By.id("journal")).getText().contains("индикатор"), "the question is customer-visible");
        customer.findElement(By.id("clarification-answer")).sendKeys("Да, мигает красным.");
        customer.findElement(By.id("do-clarification")).click();
        assertEquals("AT_SECOND_LINE", status(customer));
        shot(customer, "customer-answers");

        engineer.navigate().refresh();
        engineer.findElement(By.id("resolve-summary")).sendKeys("Заменён блок питания, звонки проходят");
        engineer.findElement(By.id("resolve-cause")).sendKeys("Отказ блока питания");
        engineer.findElement(By.id("do-resolve")).click();
        assertEquals("RESOLVED", status(engineer));
        assertTrue(engineer.findElement(By.id("journal")).getText().contains("C/03.6"), "labour-function codes shown");
        shot(engineer, "engineer-resolves");

        customer.navigate().refresh();
        customer.findElement(By.id("sign-off-comment")).sendKeys("Всё работает, спасибо");
        customer.findElement(By.id("do-sign-off")).click();
        assertEquals("SIGNED_OFF", status(customer));
        shot(customer, "customer-signs-off");

        staff.findElement(By.id("logout")).click();
        login(staff, "boris");
        staff.get(base + "/requests/" + id);
        staff.findElement(By.id("close-note")).sendKeys("Checked with the customer");
        staff.findElement(By.id("do-close")).click();
        assertEquals("CLOSED", status(staff));
        staff.findElement(By.id("verify")).click();
        assertTrue(staff.findElement(By.id("flash")).getText().contains("intact"), staff.findElement(By.id("flash")).getText());
        shot(staff, "lead-closes");

        // the other organisation's representative gets a 404 for the same address
        customer.findElement(By.id("logout")).click();
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
        customer.findElement(By.id("register")).click();
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
        browser.findElement(By.id("login-submit")).click();
        assertEquals(login, browser.findElement(By.id("who")).getAttribute("data-login"));
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
