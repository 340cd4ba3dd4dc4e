package nl.impactmonitor.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens the rendered report in real headless Chromium: the pages must load without console errors, draw their charts
 * at a visible size, switch to English and regroup the effect goals by National Plan theme without JavaScript. Screenshots land in target/report-screenshots/ for
 * humans to look at. Needs Debian's chromium and chromium-driver (.ci/run installs them in CI).
 */
class ReportInBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/report-screenshots");

    /** Selenium warns that it has no CDP bindings for this Chromium; the test does not use CDP. */
    static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");
    static final java.util.logging.Logger CHROMIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.chromium");

    @TempDir
    static Path dir;

    static ChromeDriver driver;
    static Path report;

    @BeforeAll
    static void openBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "ReportInBrowserIT needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + "; in CI they must be installed (see .ci/run)");
            }
            System.err.println("!!! SKIPPED: " + message + " !!!");
            Assumptions.assumeTrue(false, message);
        }
        CDP_LOG.setLevel(Level.SEVERE);
        CHROMIUM_LOG.setLevel(Level.SEVERE);
        // a fixed driver path, so Selenium Manager never tries to download one
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());

        report = dir.resolve("report");
        new ReportRenderer().render(ReportFixtures.report(), report);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"), "--window-size=1280,1600");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void overviewLoadsCleanly() throws IOException {
        open("index.html");

        assertThat(driver.getTitle()).isEqualTo("Voortgang Inkopen met Impact 2024");
        assertThat(driver.findElement(By.cssSelector("h1 .nl")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("table.overview tbody tr"))).hasSize(3);
        assertChartsDrawn(1);
        assertNoSevereLogEntries();
        screenshot("index.png");
    }

    @Test
    void departmentPageDrawsItsChartsAndSwitchesToEnglish() throws IOException {
        open("AZ.html");

        assertThat(driver.getTitle()).contains("(AZ)", "Voortgang Inkopen met Impact 2024");
        assertChartsDrawn(3);
        WebElement englishHeading = driver.findElement(By.cssSelector("#inkoopvolume h2 .en"));
        WebElement dutchHeading = driver.findElement(By.cssSelector("#inkoopvolume h2 .nl"));
        assertThat(englishHeading.isDisplayed()).isFalse();
        assertThat(dutchHeading.getText()).isEqualTo("Inkoopvolume");
        screenshot("AZ.png");

        driver.findElement(By.cssSelector("label[for='lang-en']")).click();

        assertThat(englishHeading.isDisplayed()).isTrue();
        assertThat(englishHeading.getText()).isEqualTo("Purchasing volume");
        assertThat(dutchHeading.isDisplayed()).isFalse();
        assertNoSevereLogEntries();
        screenshot("AZ-en.png");
    }

    @Test
    void themeSwitchShowsTheNationalPlanGrouping() throws IOException {
        open("AZ.html");

        WebElement strategy = driver.findElement(By.cssSelector("#effectdoelen .group-strategy"));
        WebElement nationalPlan = driver.findElement(By.cssSelector("#effectdoelen .group-np"));
        assertThat(strategy.isDisplayed()).isTrue();
        assertThat(nationalPlan.isDisplayed()).isFalse();
        assertThat(headings(strategy)).contains("Klimaat", "Internationale sociale voorwaarden (ISV)", "Social return");

        WebElement label = driver.findElement(By.cssSelector("#effectdoelen label[for='theme-np']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
        long scrolled = scrollY();
        label.click();

        assertThat(strategy.isDisplayed()).isFalse();
        assertThat(nationalPlan.isDisplayed()).isTrue();
        assertThat(headings(nationalPlan)).contains("Klimaat", "ISV en ketenverantwoordelijkheid", "Social return")
                .doesNotContain("Internationale sociale voorwaarden (ISV)");
        // the hidden checkbox is fixed in the viewport: focusing it does not throw the reader back to the top
        assertThat(Math.abs(scrollY() - scrolled)).as("scroll position after the switch").isLessThan(50);
        assertChartsDrawn(4);
        screenshot("AZ-np.png");

        // both switches together: English National Plan headings
        driver.findElement(By.cssSelector("label[for='lang-en']")).click();
        assertThat(headings(nationalPlan)).contains("Climate", "ISV and chain responsibility");
        assertNoSevereLogEntries();

        // and back
        driver.findElement(By.cssSelector("#effectdoelen label[for='theme-np']")).click();
        assertThat(strategy.isDisplayed()).isTrue();
        assertThat(nationalPlan.isDisplayed()).isFalse();
    }

    @Test
    void overviewGroupsTheGoalsByThemeAndSwitches() throws IOException {
        open("index.html");

        WebElement nationalPlan = driver.findElement(By.cssSelector("#effectdoelen .group-np"));
        assertThat(nationalPlan.isDisplayed()).isFalse();
        WebElement label = driver.findElement(By.cssSelector("#effectdoelen label[for='theme-np']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();

        assertThat(nationalPlan.isDisplayed()).isTrue();
        assertThat(headings(nationalPlan)).contains("Geen eigen thema in het Nationaal Plan MVI");
        assertNoSevereLogEntries();
        screenshot("index-np.png");
    }

    @Test
    void footprintChartIsDrawn() {
        open("AZ.html");

        WebElement chart = driver.findElement(By.cssSelector("#voetafdruk svg.chart"));
        assertThat(chart.getSize().getWidth()).isGreaterThan(400);
        assertThat(driver.findElements(By.cssSelector("#voetafdruk svg.chart .fp-bar"))).hasSize(4);
        assertThat(driver.findElement(By.cssSelector("#voetafdruk ol.notes")).getText())
                .contains(ReportFixtures.CATEGORY_MANAGEMENT, ReportFixtures.FALLBACK);
        assertNoSevereLogEntries();
    }

    /** The visible text of the theme headings, one per line. */
    private static String headings(WebElement grouping) {
        return String.join("\n", grouping.findElements(By.cssSelector("h3")).stream().map(WebElement::getText).toList());
    }

    private static long scrollY() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return window.scrollY")).longValue();
    }

    @Test
    void everyPageSaysItShowsSampleDataAndExplainsEveryStatus() {
        for (String page : List.of("index.html", "AZ.html", "RIJK.html")) {
            open(page);
            WebElement banner = driver.findElement(By.cssSelector(".sample-banner"));
            assertThat(banner.isDisplayed()).as(page).isTrue();
            assertThat(banner.getText()).as(page).startsWith("Voorbeelddata — geen echte cijfers.");
            assertThat(driver.findElements(By.cssSelector("#statussen table.statuses tbody tr"))).as(page).hasSize(Status.ORDER.size());
            WebElement coverage = driver.findElement(By.cssSelector("#statussen tr[data-status='insufficient_coverage']"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", coverage);
            assertThat(coverage.findElement(By.cssSelector(".badge")).getText()).as(page).isEqualTo("onvoldoende dekking");
        }
        assertNoSevereLogEntries();
    }

    private static void open(String page) {
        driver.get(report.resolve(page).toUri().toString());
    }

    /** The charts on show (the effect goals are in the page twice, one theme grouping hidden). */
    private static void assertChartsDrawn(int atLeast) {
        List<WebElement> charts = driver.findElements(By.cssSelector("svg.chart")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(charts).hasSizeGreaterThanOrEqualTo(atLeast);
        for (WebElement chart : charts) {
            Dimension size = chart.getSize();
            assertThat(size.getWidth()).as("chart width").isPositive();
            assertThat(size.getHeight()).as("chart height").isPositive();
        }
    }

    private static void assertNoSevereLogEntries() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("SEVERE browser log entries").isEmpty();
    }

    /** The whole page: the window is made as tall as the document first. */
    private static void screenshot(String name) throws IOException {
        Dimension original = driver.manage().window().getSize();
        long height = ((Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 600), 12_000)));
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(original);
    }
}
