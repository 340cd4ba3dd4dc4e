package nl.impactmonitor.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.extract.Publisher;
import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publication re-renders only the report pages whose view changed and links the others from the previous
 * publication; the result is byte for byte the report a full render of the same warehouse gives.
 */
class ReportReuseIT {

    @TempDir
    Path dir;

    @Test
    void aOnePartitionRerunRendersTheChangedPagesAndLinksTheRest() throws IOException {
        Publisher publisher = new Publisher(ReportWriterConfiguration.writer(new ReportRenderer()), 5, "test");
        try (Warehouse w = TestProject.warehouseWithSamples(dir.resolve("w"))) {
            Publisher.Publication first = publisher.publish(w, dir.resolve("out"), "20261127T010000-e1");
            Set<String> pages = files(first.dir().resolve("report")).keySet();
            assertThat(pages).contains("index.html", "AZ.html", "FIN.html", "RIJK.html", "category-energie.html");

            // Nothing changed: every page is linked, none rendered.
            Publisher.Publication same = publisher.publish(w, dir.resolve("out"), "20261127T020000-e2");
            assertThat(rendered(first, same)).isEmpty();

            // A corrected AZ 2022 spend file (every staffel 8 becomes 9), reloaded for that partition only, as a steward's
            // rerun does (PublisherIT does the same for 2023).
            List<String> corrected = Files.readAllLines(TestProject.SAMPLES.resolve("inkoopdata-2022-AZ.csv")).stream()
                    .map(l -> l.replaceFirst("([;,])8$", "$19")).toList();
            assertThat(corrected).isNotEqualTo(Files.readAllLines(TestProject.SAMPLES.resolve("inkoopdata-2022-AZ.csv")));
            Path file = Files.write(dir.resolve("inkoopdata-2022-AZ-corrected.csv"), corrected);
            new SourceFileLoader(w, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work"))
                    .load(file, null, "correction-1", true, new RawLoader.Partition("AZ", 2022, 0));
            w.models().buildAffected(Set.of("staging.spend_line"), "AZ", 2022);

            Publisher.Publication second = publisher.publish(w, dir.resolve("out"), "20261127T030000-e3");
            Set<String> rendered = rendered(same, second);
            System.out.println("ReportReuseIT: after the AZ 2022 correction " + rendered.size() + " of " + pages.size()
                    + " pages rendered: " + rendered);
            // AZ's own page and the government-wide one show AZ's 2022 spend (BZK and JenV too: their 2022 part of the
            // social-return goal is split by spend); departments that show nothing of it are linked, and so is the
            // overview, which shows the latest year (2023) only.
            assertThat(rendered).contains("AZ.html", "RIJK.html").doesNotContain("FIN.html", "BZ.html", "IenW.html", "index.html");
            assertThat(Files.readString(second.dir().resolve("report/AZ.html")))
                    .isNotEqualTo(Files.readString(same.dir().resolve("report/AZ.html")));

            // The incremental report is the one a full render of the same warehouse gives.
            Path full = dir.resolve("full");
            new ReportRenderer().render(ReportAssembler.assemble(w, second.dataVersion()), full);
            assertSameBytes(files(second.dir().resolve("report")), files(full));
        }
    }

    @Test
    void aChangedLabelOrSampleFlagRendersThePagesThatShowIt() throws IOException {
        ReportData before = ReportFixtures.report();
        ReportLabels labels = before.labels();
        Map<String, Text> spendClasses = new LinkedHashMap<>(labels.spendClasses());
        spendClasses.put("total", new Text("Alles samen", "All together"));
        ReportData relabelled = before.withLabels(new ReportLabels(spendClasses, labels.segments(), labels.strategyThemes(),
                labels.nationalPlanThemes()));
        // the spend table of every department page names the classes; the overview does not
        assertThat(renderAfter(before, relabelled)).contains("AZ.html", "IenW.html", "RIJK.html");

        ReportData real = new ReportData(before.runId(), before.latestYear(), before.years(), before.departments(), before.rijk(),
                before.leadersLaggards(), before.dataDictionary(), !before.sampleData(), before.reconciliation(), before.labels(),
                before.categories());
        // every page says whether its figures are sample data
        assertThat(renderAfter(before, real)).containsExactlyInAnyOrderElementsOf(files(dir.resolve("before")).keySet());

        // the data version alone is not shown: a new one renders nothing
        ReportData newVersion = new ReportData("data-other", before.latestYear(), before.years(), before.departments(), before.rijk(),
                before.leadersLaggards(), before.dataDictionary(), before.sampleData(), before.reconciliation(), before.labels(),
                before.categories());
        assertThat(renderAfter(before, newVersion)).isEmpty();
    }

    /**
     * Renders {@code before} in full, then {@code after} with the pages of {@code before} reused where their
     * fingerprints match (copied, as a publication links them); checks the result equals a full render of
     * {@code after} and returns the pages that were rendered.
     */
    private Set<String> renderAfter(ReportData before, ReportData after) throws IOException {
        ReportRenderer renderer = new ReportRenderer();
        Path previous = dir.resolve("before");
        Path incremental = dir.resolve("incremental");
        Path full = dir.resolve("after");
        for (Path p : List.of(previous, incremental, full)) {
            delete(p);
        }
        Map<String, String> fingerprints = new HashMap<>();
        renderer.render(before, previous, (file, fp) -> {
            fingerprints.put(file, fp);
            return false;
        });
        List<String> linked = new ArrayList<>();
        ReportRenderer.Rendering rendering = renderer.render(after, incremental, (file, fp) -> {
            if (!fp.equals(fingerprints.get(file))) {
                return false;
            }
            Files.copy(previous.resolve(file), incremental.resolve(file));
            linked.add(file);
            return true;
        });
        renderer.render(after, full);
        assertSameBytes(files(incremental), files(full));
        assertThat(rendering.linked()).isEqualTo(linked.size());
        Set<String> rendered = new TreeSet<>(files(full).keySet());
        rendered.removeAll(linked);
        assertThat(rendering.rendered()).isEqualTo(rendered.size());
        return rendered;
    }

    /** The report pages of {@code now} that are not the same file as in {@code before} (not linked). */
    private static Set<String> rendered(Publisher.Publication before, Publisher.Publication now) throws IOException {
        Set<String> rendered = new TreeSet<>();
        for (String page : files(now.dir().resolve("report")).keySet()) {
            Path old = before.dir().resolve("report").resolve(page);
            if (!Files.exists(old) || !Files.isSameFile(old, now.dir().resolve("report").resolve(page))) {
                rendered.add(page);
            }
        }
        return rendered;
    }

    private static void assertSameBytes(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((f, bytes) -> assertThat(actual.get(f)).as(f).isEqualTo(bytes));
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void delete(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
