package nl.impactmonitor.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.impactmonitor.jobs.report.ReportData.DepartmentPage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML progress report: self-contained, escaped, deterministic, honest about missing numbers. */
class ReportRendererTest {

    @TempDir
    Path dir;

    private final ReportRenderer renderer = new ReportRenderer();

    @Test
    void writesOverviewAndOnePagePerDepartmentPlusRijkSorted() throws IOException {
        List<Path> files = renderer.render(ReportFixtures.report(), dir);

        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("AZ.html", "IenW.html", "RIJK.html", "index.html");
        assertThat(files).allSatisfy(f -> assertThat(f).exists().isRegularFile());
    }

    @Test
    void pagesAreSelfContained() throws IOException {
        for (Path file : renderer.render(ReportFixtures.report(), dir)) {
            String html = read(file);
            assertThat(html).as(file.getFileName().toString())
                    .doesNotContain("http://", "https://", "<script", "<link", "<img", "@import", "url(")
                    .contains("<style>", "id=\"lang-en\"");
        }
    }

    @Test
    void namesAreEscaped() throws IOException {
        renderer.render(ReportFixtures.report(), dir);

        assertThat(read(dir.resolve("AZ.html"))).contains("Algemene Zaken &lt;b&gt;&amp;").doesNotContain("<b>&");
        assertThat(read(dir.resolve("index.html"))).contains("Algemene Zaken &lt;b&gt;&amp;").doesNotContain("<b>&");
    }

    @Test
    void everyDepartmentPageHasAtLeastThreeAccessibleCharts() throws IOException {
        renderer.render(ReportFixtures.report(), dir);

        for (String page : List.of("AZ.html", "IenW.html", "RIJK.html")) {
            String html = read(dir.resolve(page));
            int charts = count(html, "<svg class=\"chart\" role=\"img\"");
            assertThat(charts).as(page).isGreaterThanOrEqualTo(3);
            assertThat(count(html, "<svg class=\"chart\" role=\"img\"[^>]*>\\s*<title>[^<]+</title>")).as(page)
                    .isEqualTo(charts);
        }
    }

    @Test
    void renderingTwiceGivesByteIdenticalFiles() throws IOException {
        List<Path> first = renderer.render(ReportFixtures.report(), dir.resolve("first"));
        List<Path> second = new ReportRenderer().render(ReportFixtures.report(), dir.resolve("second"));

        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(second.get(i))).as(second.get(i).getFileName().toString())
                    .isEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    @Test
    void outputDoesNotDependOnTheDefaultLocale() throws IOException {
        Locale original = Locale.getDefault();
        List<byte[]> pages = new ArrayList<>();
        try {
            for (Locale locale : List.of(Locale.US, Locale.forLanguageTag("nl-NL"), Locale.forLanguageTag("ar-EG"))) {
                Locale.setDefault(locale);
                List<Path> files = renderer.render(ReportFixtures.report(), dir.resolve(locale.toLanguageTag()));
                pages.add(Files.readAllBytes(files.get(0)));
            }
        } finally {
            Locale.setDefault(original);
        }
        assertThat(pages.get(1)).isEqualTo(pages.get(0));
        assertThat(pages.get(2)).isEqualTo(pages.get(0));
    }

    @Test
    void missingNumbersAreExplainedNotInvented() throws IOException {
        renderer.render(ReportFixtures.report(), dir);
        String az = read(dir.resolve("AZ.html"));

        // the badge reasons of the goals without data (AZ 2024 renewable electricity) and without baseline (climate)
        assertThat(az).contains("geen gegevens", "voor dit jaar is niets aangeleverd", "no data delivered for this year");
        assertThat(az).contains("geen nulmeting",
                "de strategie geeft geen basiswaarde; een steward kan die vastleggen in config/targets.yaml");
        // AZ 2024 has a staffel-13 amount: the maximum is labelled, never given a number
        assertThat(az).contains("max onbegrensd", "max unbounded", eur("min € 185 mln"), eur("€ 220 mln"));
        assertThat(read(dir.resolve("RIJK.html"))).contains("rijksbreed doel, nog niet over departementen verdeeld");
    }

    @Test
    void overviewShowsRangesStatusCountsCoverageAndLeaders() throws IOException {
        renderer.render(ReportFixtures.report(), dir);
        String index = read(dir.resolve("index.html"));

        assertThat(index).contains("<title>Voortgang Inkopen met Impact 2024</title>");
        // Table 1: IenW 2024 total, midpoint and range in Dutch notation
        assertThat(index).contains(eur("€ 4.950 mln"), eur("€ 4.700 mln"), eur("€ 5.200 mln"));
        assertThat(index).contains("onbegrensd");
        assertThat(index).contains("href=\"AZ.html\"", "href=\"IenW.html\"", "href=\"RIJK.html\"");
        // leaders and laggards: IenW is 12.5 points ahead on input goal I, AZ 20 behind
        assertThat(index).contains("+12,5", "−20");
        assertThat(index).containsPattern("1 × <span class=\"nl\">onder doel</span>");
    }

    @Test
    void codesThatCannotBeFileNamesAreRefused() {
        ReportData data = ReportFixtures.report();
        DepartmentPage bad = new DepartmentPage("../AZ", "x", "x", List.of(), List.of(), List.of(), List.of());
        ReportData withBad = new ReportData(data.runId(), data.latestYear(), data.years(), List.of(bad), data.rijk(),
                List.of(), List.of());

        assertThatThrownBy(() -> renderer.render(withBad, dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("../AZ");
    }

    /** Amounts keep "€ 1.234 mln" on one line with non-breaking spaces. */
    private static String eur(String amount) {
        return amount.replace("€ ", "€\u00a0").replace(" mln", "\u00a0mln");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
