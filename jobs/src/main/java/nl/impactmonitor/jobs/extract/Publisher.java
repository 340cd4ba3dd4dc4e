package nl.impactmonitor.jobs.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.impactmonitor.warehouse.PublicationReuse;
import nl.impactmonitor.warehouse.Warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes one run's extracts, analyst snapshot (Parquet lake and analytics.duckdb), report and manifest
 * atomically: everything is written to
 * {@code <out>/.tmp-<run-id>/}, renamed to {@code <out>/<run-id>/} when complete, and only then is the symbolic
 * link {@code <out>/latest} swapped to it (a rename, which readers see as one step). A crash at any point leaves
 * the previous publication and {@code latest} untouched; leftovers are removed by the next publication.
 */
public final class Publisher {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    public static final String LATEST = "latest";

    /**
     * Renders the HTML report of the warehouse's current state into {@code dir}, a folder of the publication; pages that
     * {@code reuse} finds unchanged since the previous publication may be linked instead (units named after their path
     * in the publication, e.g. {@code report/AZ.html}).
     */
    @FunctionalInterface
    public interface ReportWriter {
        void write(Warehouse warehouse, String dataVersion, Path dir, PublicationReuse reuse) throws IOException;
    }

    public record Publication(String runId, Path dir, String dataVersion, int files) {
    }

    private final ReportWriter reportWriter;
    private final int keep;
    private final String codeVersion;

    public Publisher(ReportWriter reportWriter, int keep, String codeVersion) {
        this.reportWriter = reportWriter;
        this.keep = Math.max(1, keep);
        this.codeVersion = codeVersion;
    }

    public Publication publish(Warehouse warehouse, Path outDir, String runId) throws IOException {
        Files.createDirectories(outDir);
        removeLeftovers(outDir);
        Path tmp = outDir.resolve(".tmp-" + runId);
        Path target = outDir.resolve(runId);
        if (Files.exists(target)) {
            throw new IOException("publication " + target + " already exists");
        }
        String dataVersion = dataVersion(warehouse);
        Path previous = Files.exists(outDir.resolve(LATEST)) ? outDir.resolve(LATEST).toRealPath() : null;
        PublicationReuse reuse = PublicationReuse.from(previous, codeVersion);
        long t = System.nanoTime();
        DepartmentExtracts.write(warehouse, tmp, reuse, runId, dataVersion);
        CategoryExtracts.write(warehouse, tmp, reuse);
        DepartmentWorkbooks.write(warehouse, tmp, dataVersion);
        AccountabilityExport.writeLatestYear(warehouse, tmp.resolve(AccountabilityExport.FOLDER), runId, codeVersion, dataVersion);
        long tSnapshot = System.nanoTime();
        warehouse.snapshot().write(tmp, reuse);
        long tReport = System.nanoTime();
        reportWriter.write(warehouse, dataVersion, tmp.resolve("report"), reuse);
        reuse.write(tmp, codeVersion);
        long tManifest = System.nanoTime();
        int files = writeManifest(warehouse, tmp, runId, dataVersion, reuse);
        log.info("Publication {}: extracts {} ms, lake {} ms, report {} ms ({} pages linked unchanged), manifest {} ms;"
                        + " {} files linked unchanged from {}", runId, (tSnapshot - t) / 1_000_000, (tReport - tSnapshot) / 1_000_000,
                (tManifest - tReport) / 1_000_000, reuse.linkedFiles().stream().filter(f -> f.startsWith("report/")).count(),
                (System.nanoTime() - tManifest) / 1_000_000, reuse.linkedFiles().size(), previous);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        Path link = outDir.resolve(".latest-" + runId);
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(runId));
        Files.move(link, outDir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        prune(outDir, runId);
        log.info("Published {} ({} files, data {}) and pointed {} at it", target, files, dataVersion, outDir.resolve(LATEST));
        return new Publication(runId, target, dataVersion, files);
    }

    /**
     * A fingerprint of the inputs that make up the publication (source, file, sha256 and the partitions each supplies):
     * the same landing folders give the same data version, whatever the run and whatever was loaded before.
     */
    public static String dataVersion(Warehouse warehouse) {
        List<String> inputs = warehouse.query("""
                SELECT source || ':' || source_file || ':' || source_sha256 || ':' || department_code || ':' || year
                FROM raw.input_partition WHERE is_current ORDER BY 1""", rs -> rs.getString(1));
        return "data-" + sha256(String.join("\n", inputs).getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12);
    }

    private int writeManifest(Warehouse warehouse, Path dir, String runId, String dataVersion, PublicationReuse reuse) throws IOException {
        Map<String, String> previousHashes = previousHashes(reuse.previous());
        List<Map<String, Object>> outputs = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                Map<String, Object> o = new LinkedHashMap<>();
                String path = dir.relativize(p).toString().replace('\\', '/');
                o.put("path", path);
                o.put("bytes", Files.size(p));
                // a file linked from the previous publication is the same file: its hash is known
                String known = reuse.linkedFiles().contains(path) ? previousHashes.get(path) : null;
                o.put("sha256", known != null ? known : sha256(p));
                outputs.add(o);
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("run_id", runId);
        manifest.put("published_at", Instant.now().toString());
        manifest.put("code_version", codeVersion);
        manifest.put("data_version", dataVersion);
        // a bundled sample file is among the inputs (config/reference/sample_files.csv): the figures are not real
        manifest.put("sample_data", containsSampleData(warehouse));
        manifest.put("inputs", inputs(warehouse));
        manifest.put("superseded", superseded(warehouse));
        manifest.put("outputs", outputs);
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(dir.resolve("manifest.json").toFile(), manifest);
        return outputs.size() + 1;
    }

    /** Whether a bundled sample file (config/reference/sample_files.csv) is among the inputs: then the figures are not real. */
    public static boolean containsSampleData(Warehouse warehouse) {
        return warehouse.queryLong("SELECT count(*) FROM raw.input_partition WHERE is_current"
                + " AND source_sha256 IN (SELECT sha256 FROM ref.sample_file)") > 0;
    }

    /**
     * Exactly the files whose rows make up the publication, in arrival order per source: name, bytes, arrival, the
     * load holding their rows and the (department, year) partitions they supply.
     */
    public static List<Map<String, Object>> inputs(Warehouse warehouse) {
        return warehouse.query("""
                SELECT i.source, i.source_file, l.source_uri, i.source_sha256, CAST(i.arrived_at AS VARCHAR), i.file_load_id,
                       l.rows_read, l.rows_loaded, l.rows_rejected,
                       list(i.department_code || ' ' || i.year ORDER BY i.department_code, i.year) AS partitions,
                       sum(i.rows_loaded) AS rows_supplied
                FROM raw.input_partition AS i LEFT JOIN raw.load AS l ON l.load_id = i.file_load_id
                WHERE i.is_current
                GROUP BY ALL ORDER BY i.source, 5, i.source_file""",
                rs -> {
                    Map<String, Object> i = new LinkedHashMap<>();
                    i.put("source", rs.getString(1));
                    i.put("file", rs.getString(2));
                    i.put("uri", rs.getString(3));
                    i.put("sha256", rs.getString(4));
                    i.put("arrived_at", rs.getString(5));
                    i.put("load_id", rs.getString(6));
                    i.put("rows_read", rs.getLong(7));
                    i.put("rows_loaded", rs.getLong(8));
                    i.put("rows_rejected", rs.getLong(9));
                    i.put("partitions", stringList(rs.getArray(10)));
                    i.put("rows_supplied", rs.getLong(11));
                    return i;
                });
    }

    /**
     * Files in the landing folders whose rows do not count, with why: a later arrival supplies their partitions
     * (superseded_by, per partition), or a steward retired them.
     */
    public static List<Map<String, Object>> superseded(Warehouse warehouse) {
        List<Map<String, Object>> rows = new ArrayList<>(warehouse.query("""
                SELECT source, source_file, source_sha256, CAST(arrived_at AS VARCHAR),
                       list(department_code || ' ' || year || ' -> ' || superseded_by ORDER BY department_code, year)
                FROM raw.input_partition WHERE NOT is_current
                GROUP BY ALL ORDER BY source, 4, source_file""",
                rs -> {
                    Map<String, Object> i = new LinkedHashMap<>();
                    i.put("source", rs.getString(1));
                    i.put("file", rs.getString(2));
                    i.put("sha256", rs.getString(3));
                    i.put("arrived_at", rs.getString(4));
                    i.put("reason", "superseded by a later arrival");
                    i.put("partitions", stringList(rs.getArray(5)));
                    return i;
                }));
        rows.addAll(warehouse.query("""
                SELECT source, source_file, source_sha256, CAST(arrived_at AS VARCHAR), state_note
                FROM raw.inbox_file WHERE state = 'retired' ORDER BY source, arrived_at, source_file""",
                rs -> {
                    Map<String, Object> i = new LinkedHashMap<>();
                    i.put("source", rs.getString(1));
                    i.put("file", rs.getString(2));
                    i.put("sha256", rs.getString(3));
                    i.put("arrived_at", rs.getString(4));
                    i.put("reason", "retired: " + rs.getString(5));
                    i.put("partitions", List.of());
                    return i;
                }));
        return rows;
    }

    private static List<String> stringList(java.sql.Array array) throws java.sql.SQLException {
        List<String> values = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            values.add(String.valueOf(o));
        }
        return values;
    }

    /** The output hashes listed in a publication's manifest, by path. */
    private static Map<String, String> previousHashes(Path publication) {
        Map<String, String> hashes = new java.util.HashMap<>();
        if (publication == null || !Files.isRegularFile(publication.resolve("manifest.json"))) {
            return hashes;
        }
        tools.jackson.databind.JsonNode outputs = JsonMapper.builder().build().readTree(publication.resolve("manifest.json").toFile()).path("outputs");
        for (tools.jackson.databind.JsonNode o : outputs) {
            hashes.put(o.path("path").asString(), o.path("sha256").asString());
        }
        return hashes;
    }

    /** Removes half-written publications of crashed runs and stale link files. */
    private static void removeLeftovers(Path outDir) throws IOException {
        try (Stream<Path> s = Files.list(outDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".tmp-") || p.getFileName().toString().startsWith(".latest-")).toList()) {
                log.warn("Removing leftover of an interrupted publication: {}", p);
                deleteRecursively(p);
            }
        }
    }

    /** Keeps the newest publications (by name, which starts with the run time) and never the one latest points at. */
    private void prune(Path outDir, String current) throws IOException {
        List<Path> runs;
        try (Stream<Path> s = Files.list(outDir)) {
            runs = s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.exists(p.resolve("manifest.json")))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        }
        for (int i = keep; i < runs.size(); i++) {
            if (!runs.get(i).getFileName().toString().equals(current)) {
                deleteRecursively(runs.get(i));
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir) || Files.isRegularFile(dir)) {
            Files.deleteIfExists(dir);
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
