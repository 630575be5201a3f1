package com.crmhub.webform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.support.ApiTestSupport;
import com.crmhub.support.HubIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The hosted form in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them, nothing
 * is downloaded here): a person fills it in, waits as a person would (the test profile's 2 s minimum fill time),
 * submits, reads the thanks page, and the lead exists with the owner the form's rules give it.
 */
@HubIntegrationTest
class WebFormBrowserIntegrationTests extends ApiTestSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration MIN_FILL_TIME = Duration.ofSeconds(2);

    @Autowired
    private JdbcTemplate jdbc;

    private Path profile;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("apt-get install -y chromium chromium-driver (see .ci/run)").isExecutable();
        assertThat(CHROMEDRIVER).as("apt-get install -y chromium chromium-driver (see .ci/run)").isExecutable();
        profile = Files.createTempDirectory("hub-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        FileSystemUtils.deleteRecursively(profile);
    }

    @Test
    void aPersonFillsInTheFormSeesThanksAndTheLeadIsAssigned() throws InterruptedException {
        String email = unique("chen.jing") + "@example.cn";
        browser.get("http://127.0.0.1:" + port + "/forms/web-enquiry");
        assertThat(browser.getTitle()).isEqualTo("Talk to sales");

        fill(Map.of("Name", "Chen Jing", "Company", "Hangzhou Pumps", "E-mail", email, "Mobile", "139 0571 2345",
                "Province", "Zhejiang", "Message", "Please send a quote for 20 pumps."));
        browser.findElement(By.id("f-consent")).click();
        Thread.sleep(MIN_FILL_TIME.plusMillis(300).toMillis());
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement thanks = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("thanks")));
        assertThat(thanks.getText()).isEqualTo("Thank you, we will call you within one working day.");
        Map<String, Object> lead = jdbc.queryForMap("select owner_name, status, source, company_name from lead "
                + "where email = ?", email);
        assertThat(lead).containsEntry("OWNER_NAME", "sales_east1").containsEntry("STATUS", "ASSIGNED")
                .containsEntry("SOURCE", "WEB_FORM").containsEntry("COMPANY_NAME", "Hangzhou Pumps");
    }

    @Test
    void aMistakeIsShownNextToItsFieldAndTypedScriptStaysText() {
        String script = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        browser.get("http://127.0.0.1:" + port + "/forms/web-enquiry");
        fill(Map.of("Name", script, "E-mail", "not-an-address"));
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.attributeToBe(By.id("f-email"), "aria-invalid", "true"));
        WebElement email = browser.findElement(By.id("f-email"));
        String describedBy = email.getDomAttribute("aria-describedby");
        assertThat(browser.findElement(By.id(describedBy)).getText()).isEqualTo("is not a valid e-mail address");
        assertThat(browser.findElement(By.id("errors")).getText()).contains("E-mail: is not a valid e-mail address")
                .contains("I agree: must be ticked");
        assertThat(browser.findElement(By.id("f-name")).getDomProperty("value")).isEqualTo(script);
        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    /** Types into each field found by its label's text, as a person (or a screen reader) finds it. */
    private void fill(Map<String, String> byLabel) {
        byLabel.forEach((label, value) -> {
            WebElement labelled = browser.findElement(By.xpath("//label[span[normalize-space()='" + label + "']]"));
            WebElement field = browser.findElement(By.id(labelled.getDomAttribute("for")));
            field.clear();
            field.sendKeys(value);
        });
    }
}
