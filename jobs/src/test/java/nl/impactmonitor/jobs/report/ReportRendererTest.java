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
                "het doel is een verandering ten opzichte van een nulmeting die niet gemeten is, dus de doelwaarde is onbekend");
        // AZ 2024 has a staffel-13 amount: the maximum is labelled, never given a number
        assertThat(az).contains("max onbegrensd", "max unbounded", eur("min € 185 mln"), eur("€ 220 mln"));
        assertThat(read(dir.resolve("RIJK.html"))).contains("rijksbreed doel, nog niet over departementen verdeeld");
    }

    @Test
    void samplePublicationIsMarkedOnEveryPageAndStatusesAreExplained() throws IOException {
        renderer.render(ReportFixtures.report(), dir);
        for (String page : List.of("index.html", "AZ.html", "IenW.html", "RIJK.html")) {
            String html = read(dir.resolve(page));
            assertThat(html).as(page).contains("<p class=\"sample-banner\" role=\"note\">", "Voorbeelddata — geen echte cijfers.",
                    "Sample data — not real figures.", "<section id=\"statussen\">");
            for (String code : Status.ORDER) {
                assertThat(html).as(page).contains("data-status=\"" + code + "\"");
            }
        }
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
        // named for what they rank; AZ has the largest shortfall, so it is number 1 of that list
        assertThat(index).contains("Grootste voorsprong", "Grootste achterstand", "streefaandeel")
                .contains("1. <a href=\"IenW.html\">IenW</a>", "1. <a href=\"AZ.html\">AZ</a>");
        assertThat(index).containsPattern("1 × <span class=\"nl\">onder doel</span>");
    }

    @Test
    void everyInputGoalChartsItsShareInEveryYearAgainstTheTarget() throws IOException {
        renderer.render(ReportFixtures.report(), dir);
        String az = read(dir.resolve("AZ.html"));

        // AZ input goal I: 25,0% in 2023 and 30,0% in 2024 against 50%; goal II: 62,5% in 2023, no MVI-ZET in 2024
        assertThat(az).contains("aandeel per jaar sinds 2023 tegen de streefwaarde",
                "2023: 25 % (onder doel / below target)", "2024: 30 % (onder doel / below target)",
                "2023: 62,5 % (op of boven doel / on or above target)", "doel 2024: 50");
        assertThat(count(az, "aandeel per jaar sinds 2023")).isEqualTo(2);
    }

    @Test
    void codesThatCannotBeFileNamesAreRefused() {
        ReportData data = ReportFixtures.report();
        DepartmentPage bad = new DepartmentPage("../AZ", "x", "x", List.of(), List.of(), List.of(), List.of(), List.of());
        ReportData withBad = new ReportData(data.runId(), data.latestYear(), data.years(), List.of(bad), data.rijk(),
                List.of(), List.of());

        assertThatThrownBy(() -> renderer.render(withBad, dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("../AZ");
    }

    @Test
    void footprintSectionShowsSegmentsRangesTotalAndFactorSources() throws IOException {
        renderer.render(ReportFixtures.report(), dir);
        String az = read(dir.resolve("AZ.html"));
        String section = section(az, "voetafdruk");

        assertThat(section).contains("CO2-voetafdruk uit inkoop", "CO2 footprint from procurement", "2024");
        // segments with Dutch and English labels, largest first, unclassified last
        assertThat(section).contains("<span class=\"nl\">Overig specifiek</span><span class=\"en\" lang=\"en\">Other specific</span>",
                "<span class=\"nl\">Facilitair</span><span class=\"en\" lang=\"en\">Facilities</span>",
                "<span class=\"nl\">Energie</span><span class=\"en\" lang=\"en\">Energy</span>", "Niet ingedeeld");
        assertThat(section.indexOf("Overig specifiek")).isLessThan(section.indexOf("Facilitair"));
        assertThat(section.indexOf("Facilitair")).isLessThan(section.indexOf("Energie"));
        assertThat(section.indexOf("Energie")).isLessThan(section.indexOf("Niet ingedeeld"));
        // tonnes, with the range: facilities 4.240–7.067 t around 5.654; other specific has no maximum
        assertThat(section).contains("ton CO2-eq", "tonnes CO2-eq", ">5.654<", "4.240 – 7.067", "21.684 – max onbegrensd",
                "21.684 – max unbounded");
        // the total with its open range and the share from high-impact product groups
        assertThat(section).contains(">37.661<", "31.280 – <span class=\"nl\">max onbegrensd</span>", "7,5%");
        // every figure names its intensity: numbered sources, each segment row refers to one, the fallback kept whole
        assertThat(section).contains("id=\"factor-1\"", ReportFixtures.CATEGORY_MANAGEMENT, ReportFixtures.SPECIFIC,
                ReportFixtures.FALLBACK);
        assertThat(count(section, "<li id=\"factor-\\d\">")).isEqualTo(3);
        assertThat(count(section, "<td class=\"src\"><a class=\"ref\" href=\"#factor-\\d\">")).isEqualTo(5);
        // no unbounded segment at IenW, and big enough for kilotonnes: 490.221.400 kg
        String ienw = section(read(dir.resolve("IenW.html")), "voetafdruk");
        assertThat(ienw).contains("kiloton CO2-eq", ">490,2<", "465,7 – 514,7", "<span class=\"nl\">GWW</span>", "100,0%", "412,0 – 455,4")
                .doesNotContain("fp-open", "max unbounded</text>");
        // RIJK has the section too
        assertThat(section(read(dir.resolve("RIJK.html")), "voetafdruk")).contains("93,4%", ReportFixtures.FALLBACK);
    }

    @Test
    void footprintWithoutDataForTheLatestYearSaysSo() throws IOException {
        ReportData data = ReportFixtures.report();
        DepartmentPage az = data.departments().get(0);
        DepartmentPage noFootprint = new DepartmentPage(az.code(), az.nameNl(), az.nameEn(), az.spend(), az.inputGoals(),
                az.effectGoals(), az.coverage(), az.footprint().stream().filter(f -> f.year() == 2023).toList());
        renderer.render(new ReportData(data.runId(), data.latestYear(), data.years(), List.of(noFootprint), data.rijk(),
                data.leadersLaggards(), data.dataDictionary()).withLabels(data.labels()), dir);

        assertThat(section(read(dir.resolve("AZ.html")), "voetafdruk"))
                .contains("Geen voetafdruk voor dit jaar").doesNotContain("<svg");
    }

    @Test
    void splitGovernmentWideGoalsShowTheDepartmentsShareAsTarget() throws IOException {
        renderer.render(ReportFixtures.report(), dir);
        String az = section(read(dir.resolve("AZ.html")), "effectdoelen");
        String rijk = section(read(dir.resolve("RIJK.html")), "effectdoelen");

        assertThat(az).contains("Aandeel in rijksdoel 2023: 1.099 banen", "Share of the government-wide target 2023: 1.099 banen",
                "aandeel in rijksdoel 2023: 1.099", "wordt beoordeeld op zijn eigen aandeel");
        // goals that are not split keep their own target
        assertThat(az).contains("Doel 2030: 100%");
        // the whole government has the whole target
        assertThat(rijk).contains("Doel 2023: 1.500 banen").doesNotContain("Aandeel in rijksdoel", "aandeel in rijksdoel");
        assertThat(section(read(dir.resolve("index.html")), "effectdoelen"))
                .contains("Rijksdoel verdeeld over de departementen");
    }

    @Test
    void effectGoalsAreGroupedByEitherThemeSet() throws IOException {
        renderer.render(ReportFixtures.report(), dir);

        for (String page : List.of("AZ.html", "index.html")) {
            String html = section(read(dir.resolve(page)), "effectdoelen");
            String strategy = headings(html.substring(html.indexOf("class=\"group-strategy\""), html.indexOf("class=\"group-np\"")));
            String nationalPlan = headings(html.substring(html.indexOf("class=\"group-np\"")));
            assertThat(html).as(page).contains("<label for=\"theme-np\" class=\"theme-switch\">");
            // ISV is its own theme in the strategy and part of chain responsibility in the National Plan
            assertThat(strategy).as(page).contains("Internationale sociale voorwaarden (ISV)", "Klimaat", "Social return")
                    .doesNotContain("ISV en ketenverantwoordelijkheid");
            assertThat(nationalPlan).as(page).contains("ISV en ketenverantwoordelijkheid", "ISV and chain responsibility", "Klimaat")
                    .doesNotContain("Internationale sociale voorwaarden (ISV)");
            // climate first, and the two goals under it
            assertThat(strategy.indexOf("Klimaat")).as(page).isLessThan(strategy.indexOf("Social return"));
            assertThat(strategy).as(page).contains("2 doelen", "2 goals");
        }
        assertThat(read(dir.resolve("AZ.html"))).contains("<input type=\"checkbox\" id=\"theme-np\"");
        // innovation has no theme of its own in the National Plan
        String index = read(dir.resolve("index.html"));
        assertThat(index).contains("<input type=\"checkbox\" id=\"theme-np\"", "Innovatiegericht inkopen",
                "Geen eigen thema in het Nationaal Plan MVI");
    }

    /** The theme headings (h3) in this markup, one per line. */
    private static String headings(String html) {
        Matcher m = Pattern.compile("<h3>(.*?)</h3>").matcher(html);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(m.group(1)).append('\n');
        }
        return sb.toString();
    }

    /** The markup of the section with this id, up to the next top-level section. */
    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        int end = html.indexOf("\n  <section", start + 1);
        return html.substring(start, end < 0 ? html.length() : end);
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

    /**
     * In the packaged jar the common pool's threads have the JVM's class loader as their context class loader, which
     * cannot see Spring; Thymeleaf's Spring EL compiler defines its classes there and failed the README's nightly
     * (NoClassDefFoundError CompiledExpression). Here every page is rendered by pool threads whose context class
     * loader sees only the JDK, often enough for the expressions to be compiled.
     */
    @Test
    void pagesRenderFromThreadsWhoseContextClassLoaderCannotSeeSpring() throws Exception {
        ClassLoader jdkOnly = new java.net.URLClassLoader(new java.net.URL[0], ClassLoader.getPlatformClassLoader());
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(2, p -> {
            java.util.concurrent.ForkJoinWorkerThread t = java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setContextClassLoader(jdkOnly);
            return t;
        }, null, false);
        try {
            ReportRenderer fresh = new ReportRenderer();
            for (int round = 0; round < 5; round++) {
                Path out = dir.resolve("round-" + round);
                List<Path> files = pool.submit(() -> fresh.render(ReportFixtures.report(), out)).get();
                assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f).isRegularFile());
            }
        } finally {
            pool.shutdown();
        }
    }
}
