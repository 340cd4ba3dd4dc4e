package nl.impactmonitor.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import nl.impactmonitor.jobs.extract.CategoryFixture;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The category page of {@link CategoryFixture}'s warehouse, reached from the report index in headless Chromium: the
 * figures a category manager reads are the hand-checked ones of CategoryExtractsTest (issue 20 item 1).
 */
class CategoryPageInBrowserIT {

    @TempDir
    Path dir;

    @Test
    void indexLinksTheCategoryPageWhichShowsTheHandCheckedFigures() throws Exception {
        if (!Files.isExecutable(ReportInBrowserIT.CHROMIUM) || !Files.isExecutable(ReportInBrowserIT.CHROMEDRIVER)) {
            String message = "CategoryPageInBrowserIT needs " + ReportInBrowserIT.CHROMIUM + " and " + ReportInBrowserIT.CHROMEDRIVER;
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.assumeTrue(false, message);
        }
        Path report = dir.resolve("report");
        try (Warehouse w = CategoryFixture.warehouse(dir)) {
            new ReportRenderer().render(ReportAssembler.assemble(w, "data-test"), report);
        }
        assertThat(report.resolve("category-consumptieve-dienstverlening.html")).isRegularFile();

        ReportInBrowserIT.CDP_LOG.setLevel(Level.SEVERE);
        ReportInBrowserIT.CHROMIUM_LOG.setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", ReportInBrowserIT.CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ReportInBrowserIT.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"), "--window-size=1280,1600");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(ReportInBrowserIT.CHROMEDRIVER.toFile()).build(), options);
        try {
            driver.get(report.resolve("index.html").toUri().toString());
            List<String> links = driver.findElements(By.cssSelector("#categorieen a")).stream().map(WebElement::getText).toList();
            assertThat(links).containsExactly("Consumptieve dienstverlening", "Energie");
            driver.findElement(By.linkText("Consumptieve dienstverlening")).click();

            assertThat(driver.getTitle()).isEqualTo("Rijksinkoopcategorie Consumptieve dienstverlening");
            // By year: 2 ministries, EUR 855,003 (560,003 - 1,150,000), 4 tenders, ISV required for 3, applied by 2 of 3 answers.
            assertThat(cells(driver, "table.category-summary tbody tr")).containsExactly(
                    "2023|2|€ 855.003|€ 560.003 – € 1,2 mln|4|3|2 / 3|66,7%|0");
            assertThat(cells(driver, "table.category-spend tbody tr")).containsExactly(
                    "2023|FIN|€ 750.001|€ 500.001 – € 1,0 mln|87,7%",
                    "2023|OCW|€ 105.002|€ 60.002 – € 150.000|12,3%",
                    "2023|RIJK|€ 855.003|€ 560.003 – € 1,2 mln|100,0%");
            List<String> goals = cells(driver, "table.category-inputs tbody tr");
            assertThat(goals).hasSize(6);
            assertThat(goals.get(0)).startsWith("2023|I ");
            assertThat(goals.get(0).toLowerCase(java.util.Locale.ROOT)).endsWith("|3 / 4|0|75,0%|100,0%|onder doel");
            assertThat(driver.findElement(By.cssSelector("#resultaten .empty")).isDisplayed()).isTrue();
            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(severe).as("SEVERE browser log entries").isEmpty();
            Files.createDirectories(ReportInBrowserIT.SCREENSHOTS);
            Files.write(ReportInBrowserIT.SCREENSHOTS.resolve("category-consumptieve-dienstverlening.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }

    /** Each row's visible cell texts joined by |, with non-breaking spaces as plain spaces. */
    private static List<String> cells(ChromeDriver driver, String rows) {
        return driver.findElements(By.cssSelector(rows)).stream()
                .map(tr -> String.join("|", tr.findElements(By.tagName("td")).stream().map(td -> td.getText().replace('\u00a0', ' ')).toList()))
                .toList();
    }
}
