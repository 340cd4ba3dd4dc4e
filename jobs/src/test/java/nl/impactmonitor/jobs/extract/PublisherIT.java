package nl.impactmonitor.jobs.extract;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.warehouse.PublicationReuse;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publications are atomic, reproducible and pruned. */
class PublisherIT {

    @TempDir
    Path dir;

    static final Publisher.ReportWriter SIMPLE_REPORT = (w, version, reportDir, reuse) -> {
        Files.createDirectories(reportDir);
        Files.writeString(reportDir.resolve("index.html"), "<html><body>" + version + "</body></html>");
    };

    /**
     * A warehouse built from a few sample files, as a run would build it: a copy of one built once per test JVM (load ids
     * {@code w-<n>}); {@link #sameInputsGiveByteIdenticalPublications} compares it with one it builds itself.
     */
    private Warehouse warehouse(String name) throws IOException {
        return TestProject.fromTemplate("publisher", dir.resolve(name), home -> build(home, "w"));
    }

    /** A warehouse built in {@code home} from a few sample files, with load ids {@code <name>-<n>}. */
    private static Warehouse build(Path home, String name) throws IOException {
        Warehouse w = TestProject.warehouse(Files.createDirectories(home));
        Path dir = home;
        SourceFileLoader spend = new SourceFileLoader(w, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work"));
        SourceFileLoader tenders = new SourceFileLoader(w, Source.TENDER.spec(), TestProject.columns(Source.TENDER.token()), dir.resolve("work"));
        int n = 0;
        for (String f : List.of("inkoopdata-2023-AZ.csv", "inkoopdata-2023-FIN.csv", "inkoopdata-2023-JenV.xlsx")) {
            spend.load(TestProject.SAMPLES.resolve(f), null, name + "-" + (++n));
        }
        for (String f : List.of("mvi-zet-2023-AZ.csv", "mvi-zet-2023-IenW.csv", "mvi-zet-2023-IenW-rectificatie.csv")) {
            tenders.load(TestProject.TENDER_SAMPLES.resolve(f), null, name + "-" + (++n));
        }
        w.models().buildAll();
        return w;
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void sameInputsGiveByteIdenticalPublications() throws IOException {
        Publisher publisher = new Publisher(SIMPLE_REPORT, 5, "test");
        Publisher.Publication a;
        Publisher.Publication b;
        try (Warehouse first = warehouse("first"); Warehouse second = build(dir.resolve("second"), "second")) {
            a = publisher.publish(first, dir.resolve("out-a"), "20261127T010000-e1");
            b = publisher.publish(second, dir.resolve("out-b"), "20261127T020000-e2");
        }
        Map<String, byte[]> filesA = contents(a.dir());
        Map<String, byte[]> filesB = contents(b.dir());
        assertThat(filesA.keySet()).isEqualTo(filesB.keySet())
                .contains("departments/IenW/progress.csv", "departments/IenW/progress.parquet", "departments/IenW/progress.json",
                        "rijk/progress.csv", "rijk/leaders_laggards.csv", "2023/FIN/spend.csv", "report/index.html", "manifest.json");
        for (String file : filesA.keySet()) {
            // The manifest has the publication time; the analyst snapshot carries load ids (lineage), which differ per load;
            // the yearly accountability export names the run on every row (WorkbooksIT checks it).
            if (!file.equals("manifest.json") && !file.startsWith("lake/") && !file.equals("analytics.duckdb")
                    && !file.startsWith(AccountabilityExport.FOLDER + "/")
                    && !file.equals(PublicationReuse.FILE) && !file.endsWith("run.json")) {
                assertThat(filesB.get(file)).as(file).isEqualTo(filesA.get(file));
            }
        }
        assertThat(a.dataVersion()).isEqualTo(b.dataVersion());
        // Progress rows carry the data version (the same for the same inputs); the run id is beside them in run.json.
        List<String> progress = Files.readAllLines(a.dir().resolve("departments/IenW/progress.csv"));
        assertThat(progress.get(0)).contains("status_reason_nl;status_reason_en;numerator_count;denominator_count;undetermined_count;"
                + "reporting_supplier_count;coverage_pct").endsWith(";data_version");
        assertThat(progress.subList(1, progress.size())).isNotEmpty().allSatisfy(row -> assertThat(row).endsWith(";" + a.dataVersion()));
        assertThat(Files.readString(a.dir().resolve("departments/IenW/run.json")))
                .contains("\"run_id\" : \"20261127T010000-e1\"", "\"data_version\" : \"" + a.dataVersion() + "\"");
        assertThat(Files.readString(b.dir().resolve("rijk/run.json"))).contains("\"run_id\" : \"20261127T020000-e2\"");
        String manifest = Files.readString(a.dir().resolve("manifest.json"));
        assertThat(manifest).contains("\"data_version\" : \"" + a.dataVersion() + "\"", "\"file\" : \"inkoopdata-2023-FIN.csv\"",
                "\"path\" : \"departments/IenW/progress.csv\"");
    }

    private static Map<String, String> outputHashes(Path publication) {
        Map<String, String> hashes = new TreeMap<>();
        for (var o : tools.jackson.databind.json.JsonMapper.builder().build().readTree(publication.resolve("manifest.json").toFile()).path("outputs")) {
            if (!o.path("path").asString().equals("analytics.duckdb")) {
                hashes.put(o.path("path").asString(), o.path("sha256").asString());
            }
        }
        return hashes;
    }

    @Test
    void afterAOnePartitionRerunUnchangedFilesAreLinkedAndThePublicationEqualsAFullOne() throws IOException {
        Publisher publisher = new Publisher(SIMPLE_REPORT, 5, "test");
        try (Warehouse w = warehouse("rerun")) {
            Publisher.Publication first = publisher.publish(w, dir.resolve("out"), "20261127T010000-e1");
            // A corrected AZ 2023 file (every staffel 8 becomes 9), reloaded for that partition only, as a steward's rerun does.
            List<String> corrected = Files.readAllLines(TestProject.SAMPLES.resolve("inkoopdata-2023-AZ.csv")).stream()
                    .map(l -> l.endsWith(",8") ? l.substring(0, l.length() - 1) + "9" : l).toList();
            Path file = Files.write(dir.resolve("inkoopdata-2023-AZ-corrected.csv"), corrected);
            new SourceFileLoader(w, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work"))
                    .load(file, null, "correction-1", true, new RawLoader.Partition("AZ", 2023, 0));
            w.models().buildAffected(java.util.Set.of("staging.spend_line"), "AZ", 2023);

            Publisher.Publication second = publisher.publish(w, dir.resolve("out"), "20261127T020000-e2");
            Publisher.Publication full = publisher.publish(w, dir.resolve("out-full"), "20261127T020000-e2");

            Map<String, byte[]> incremental = contents(second.dir());
            Map<String, byte[]> whole = contents(full.dir());
            assertThat(incremental.keySet()).isEqualTo(whole.keySet());
            for (String f : whole.keySet()) {
                // the manifest has the run id and time; a DuckDB file is not byte-stable (its views are checked elsewhere)
                if (!f.equals("manifest.json") && !f.equals("analytics.duckdb")) {
                    assertThat(Publisher.sha256(incremental.get(f))).as(f).isEqualTo(Publisher.sha256(whole.get(f)));
                }
            }
            // Unchanged: the other departments' spend, the tender lake; changed: AZ's spend and the spend lake.
            assertThat(Files.isSameFile(first.dir().resolve("2023/FIN/spend.csv"), second.dir().resolve("2023/FIN/spend.csv"))).isTrue();
            // Progress rows carry the data version, which the corrected file changed: IenW's rows are otherwise the same,
            // but its progress files are written anew (issue 18 asks for data_version in the rows; before, they were linked).
            assertThat(second.dataVersion()).isNotEqualTo(first.dataVersion());
            assertThat(Files.isSameFile(first.dir().resolve("departments/IenW/progress.parquet"),
                    second.dir().resolve("departments/IenW/progress.parquet"))).isFalse();
            long progressLinked = 0;
            List<String> progressFolders = new java.util.ArrayList<>(List.of("rijk"));
            try (Stream<Path> folders = Files.list(second.dir().resolve("departments"))) {
                folders.forEach(f -> progressFolders.add("departments/" + f.getFileName()));
            }
            for (String folder : progressFolders) {
                for (String format : List.of("csv", "parquet", "json")) {
                    Path p = first.dir().resolve(folder).resolve("progress." + format);
                    if (Files.exists(p) && Files.isSameFile(p, second.dir().resolve(folder).resolve("progress." + format))) {
                        progressLinked++;
                    }
                }
            }
            // AZ, FIN, IenW, JenV and RIJK: 15 progress files, none linked
            assertThat(progressFolders).hasSize(5);
            assertThat(progressLinked).isZero();
            assertThat(Files.isSameFile(first.dir().resolve("departments/FIN/footprint.parquet"),
                    second.dir().resolve("departments/FIN/footprint.parquet"))).isTrue();
            assertThat(Files.isSameFile(first.dir().resolve("lake/fct_tender/year=2023/data_0.parquet"),
                    second.dir().resolve("lake/fct_tender/year=2023/data_0.parquet"))).isTrue();
            assertThat(Files.isSameFile(first.dir().resolve("2023/AZ/spend.csv"), second.dir().resolve("2023/AZ/spend.csv"))).isFalse();
            assertThat(Files.readAllBytes(second.dir().resolve("2023/AZ/spend.csv")))
                    .isNotEqualTo(Files.readAllBytes(first.dir().resolve("2023/AZ/spend.csv")));
            assertThat(Files.isSameFile(first.dir().resolve("lake/fct_spend_line/year=2023/data_0.parquet"),
                    second.dir().resolve("lake/fct_spend_line/year=2023/data_0.parquet"))).isFalse();
            // The manifest lists the same hashes either way (for linked files they come from the previous manifest).
            assertThat(outputHashes(second.dir())).isEqualTo(outputHashes(full.dir())).containsKey("2023/FIN/spend.csv");
        }
    }

    @Test
    void crashWhilePublishingLeavesThePreviousPublicationCurrent() throws IOException {
        Path out = dir.resolve("out");
        try (Warehouse w = warehouse("w")) {
            new Publisher(SIMPLE_REPORT, 5, "test").publish(w, out, "run-1");
            Publisher crashing = new Publisher((wh, version, reportDir, reuse) -> {
                throw new IOException("disk full while writing the report");
            }, 5, "test");
            assertThatThrownBy(() -> crashing.publish(w, out, "run-2")).hasMessageContaining("disk full");

            assertThat(Files.readSymbolicLink(out.resolve("latest"))).isEqualTo(Path.of("run-1"));
            assertThat(out.resolve("latest/departments/IenW/progress.csv")).exists();
            assertThat(out.resolve("run-2")).doesNotExist();
            assertThat(out.resolve(".tmp-run-2")).exists();

            // The next successful publication clears the leftover and moves latest on.
            new Publisher(SIMPLE_REPORT, 5, "test").publish(w, out, "run-3");
            assertThat(out.resolve(".tmp-run-2")).doesNotExist();
            assertThat(Files.readSymbolicLink(out.resolve("latest"))).isEqualTo(Path.of("run-3"));
        }
    }

    @Test
    void onlyTheNewestPublicationsAreKept() throws IOException {
        Path out = dir.resolve("out");
        try (Warehouse w = warehouse("w")) {
            Publisher publisher = new Publisher(SIMPLE_REPORT, 2, "test");
            for (String run : List.of("run-1", "run-2", "run-3")) {
                publisher.publish(w, out, run);
            }
        }
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("latest", "run-2", "run-3");
        }
    }
}
