package nl.impactmonitor.jobs.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Landing many files as one batch (one read per layout, one validation, one transaction) must give exactly what
 * landing them one by one gives: the same load log per file, the same rejects with the same lines and reasons,
 * the same staging rows with the same lineage, and the same partitions. The files are every corpus file of a
 * source (bad encodings, malformed lines, workbooks, JSON, duplicates, unreadable files) followed by its samples.
 */
class BatchLoadIT {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"spend", "tender", "result"})
    void aBatchLandsExactlyWhatFileByFileLoadingLands(String source) throws IOException {
        List<Path> files = new ArrayList<>();
        for (CorpusIT.Expected e : CorpusIT.readManifest()) {
            if (e.source().equals(source)) {
                files.add(CorpusFiles.isGenerated(e.file())
                        ? CorpusFiles.generate(e.file(), Files.createDirectories(tmp.resolve("generated")))
                        : CorpusIT.CORPUS.resolve(source).resolve(e.file()));
            }
        }
        files.addAll(samples(source));
        // Files with malformed lines are in every layout group: each group's strict read fails and its files are read one by one.
        assertSameAsFileByFile(source, files, "corpus");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spend", "tender", "result"})
    void cleanFilesOfOneLayoutAreReadByOneScanAndLandTheSame(String source) throws IOException {
        List<Path> files = samples(source);
        int scans = assertSameAsFileByFile(source, files, "samples");
        assertThat(scans).as("read_csv scans for %d sample files", files.size()).isLessThan(files.size() / 2);
    }

    private static List<Path> samples(String source) throws IOException {
        Path samples = switch (source) {
            case "spend" -> TestProject.SAMPLES;
            case "tender" -> TestProject.TENDER_SAMPLES;
            default -> TestProject.RESULT_SAMPLES;
        };
        try (Stream<Path> s = Files.list(samples)) {
            return s.filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
        }
    }

    /** Loads the files one by one and as one batch into two warehouses and compares them; returns the batch's scans. */
    private int assertSameAsFileByFile(String source, List<Path> files, String name) throws IOException {
        List<SourceFileLoader.Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            deliveries.add(new SourceFileLoader.Delivery(files.get(i), null, String.format("load-%03d", i)));
        }
        RawLoader.Spec spec = CorpusIT.SPECS.get(source);
        String staging = CorpusIT.STAGING.get(source);

        List<List<String>> oneByOne;
        try (Warehouse w = TestProject.warehouse(Files.createDirectories(tmp.resolve(name + "-one-by-one")))) {
            SourceFileLoader loader = new SourceFileLoader(w, spec, TestProject.columns(source), tmp.resolve("work1"));
            for (SourceFileLoader.Delivery d : deliveries) {
                loader.load(d.file(), null, d.loadId());
            }
            oneByOne = contents(w, staging);
        }
        List<List<String>> batch;
        List<RawLoader.Result> results;
        int scans;
        try (Warehouse w = TestProject.warehouse(Files.createDirectories(tmp.resolve(name + "-batch")))) {
            results = new SourceFileLoader(w, spec, TestProject.columns(source), tmp.resolve("work2")).loadAll(deliveries, false, null);
            scans = w.rawLoader().lastBatchScans();
            batch = contents(w, staging);
            if (source.equals("spend") && name.equals("corpus")) {
                assertThat(w.queryLong("SELECT count(*) FROM (SELECT department_code, year FROM raw.load_partition"
                        + " GROUP BY ALL HAVING count(*) > 1)")).as("partitions delivered by more than one file of the batch").isPositive();
            }
        }
        assertThat(results).hasSize(files.size());
        assertThat(results).extracting(RawLoader.Result::status).contains(RawLoader.Status.LOADED);
        List<String> names = List.of("load log", "rejects", "partitions", staging);
        for (int i = 0; i < names.size(); i++) {
            List<String> missing = new ArrayList<>(oneByOne.get(i));
            missing.removeAll(batch.get(i));
            List<String> extra = new ArrayList<>(batch.get(i));
            extra.removeAll(oneByOne.get(i));
            assertThat(missing.isEmpty()).as("%s: %d rows of file-by-file loading that the batch lacks, first %s; %d rows the batch has instead,"
                    + " first %s", names.get(i), missing.size(), missing.stream().findFirst().orElse(""), extra.size(),
                    extra.stream().findFirst().orElse("")).isTrue();
            assertThat(extra).as(names.get(i) + ": rows the batch has and file-by-file loading has not").isEmpty();
            assertThat(batch.get(i)).as(names.get(i)).hasSameSizeAs(oneByOne.get(i));
        }
        assertThat(oneByOne.get(3)).as(staging).hasSizeGreaterThan(50);
        assertThat(oneByOne.get(1)).as("rejects").hasSizeGreaterThan(3);
        return scans;
    }

    private static List<List<String>> contents(Warehouse w, String staging) {
        return List.of(
                rows(w, "SELECT load_id, source_file, source_sha256, file_format, encoding, status, rows_read, rows_loaded, rows_rejected,"
                        + " message FROM raw.load"),
                rows(w, "SELECT * FROM raw.reject"),
                rows(w, "SELECT * FROM raw.load_partition"),
                rows(w, "SELECT * FROM " + staging));
    }

    private static List<String> rows(Warehouse w, String sql) {
        return w.query("SELECT CAST(t AS VARCHAR) FROM (" + sql + ") AS t ORDER BY ALL", rs -> rs.getString(1));
    }
}
