package nl.impactmonitor.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the yearly accountability page of a warehouse built from sample files to PDF with headless Chromium
 * ({@code --print-to-pdf}), as a coordinator would print the annex: the PDF is non-empty and has one page for the
 * title, at least one per scope (each starts a new page) and one or more for the audit, and not many more. The PDF
 * lands in target/accountability-pdf/ for humans to look at. Needs Debian's chromium (.ci/run installs it in CI).
 */
class AccountabilityPrintIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path OUT = Path.of("target/accountability-pdf");

    @TempDir
    static Path dir;

    @Test
    void printHtmlBecomesAnA4PdfWithAPageRangeThatFollowsTheScopes() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "AccountabilityPrintIT needs " + CHROMIUM + " (Debian: apt-get install chromium)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + "; in CI it must be installed (see .ci/run)");
            }
            System.err.println("!!! SKIPPED: " + message + " !!!");
            Assumptions.assumeTrue(false, message);
        }
        WorkbooksIT.dir = dir;
        List<Path> files;
        int scopes;
        try (Warehouse w = WorkbooksIT.warehouse("print")) {
            files = AccountabilityExport.write(w, dir.resolve("export"), 2023,
                    new AccountabilityExport.Provenance("20261127T010000-e1", "test", Publisher.dataVersion(w)));
            scopes = w.query("SELECT count(DISTINCT scope_code) FROM marts.rpt_accountability_goals WHERE year = 2023", rs -> rs.getInt(1)).get(0);
        }
        Path html = files.get(1);
        assertThat(html.getFileName().toString()).isEqualTo("verantwoording-2023.html");
        Files.createDirectories(OUT);
        Path pdf = OUT.toAbsolutePath().resolve("verantwoording-2023.pdf");
        Files.deleteIfExists(pdf);
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"), "--no-pdf-header-footer",
                "--print-to-pdf=" + pdf, html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(chromium.waitFor(120, TimeUnit.SECONDS)).as("chromium finished within 2 minutes").isTrue();
        assertThat(pdf).as("PDF written; chromium said: " + Files.readString(dir.resolve("chromium.log"))).exists();
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(bytes.length).isGreaterThan(10_000);
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        int pages = pages(bytes);
        System.out.println("AccountabilityPrintIT: " + scopes + " scopes, " + pages + " pages, " + bytes.length + " bytes: " + pdf);
        // title page, each scope from a new page (its themes and about 30 goals: 1 to 8 pages; 6 sample scopes gave 33 pages, the 13 scopes of all samples 71), the audit
        assertThat(pages).isBetween(scopes + 2, 8 * scopes + 4);
        // A4: the media box of a page is 595 x 842 points (rounded)
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).containsPattern("/MediaBox \\[0 0 59[45]\\.?[0-9]* 84[12]");
    }

    /** The page objects of a PDF: "/Type /Page" not followed by "s" (that is the page tree). */
    static int pages(byte[] pdf) {
        Matcher m = Pattern.compile("/Type\\s*/Page(?!s)").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
