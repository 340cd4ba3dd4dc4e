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

    /** Renders the HTML report of the warehouse's current state into a folder. */
    @FunctionalInterface
    public interface ReportWriter {
        void write(Warehouse warehouse, String dataVersion, Path dir) throws IOException;
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
        DepartmentExtracts.write(warehouse, tmp, reuse);
        long tSnapshot = System.nanoTime();
        warehouse.snapshot().write(tmp, reuse);
        long tReport = System.nanoTime();
        reportWriter.write(warehouse, dataVersion, tmp.resolve("report"));
        reuse.write(tmp, codeVersion);
        long tManifest = System.nanoTime();
        int files = writeManifest(warehouse, tmp, runId, dataVersion, reuse);
        log.info("Publication {}: extracts {} ms, lake {} ms, report {} ms, manifest {} ms; {} files linked unchanged from {}", runId,
                (tSnapshot - t) / 1_000_000, (tReport - tSnapshot) / 1_000_000, (tManifest - tReport) / 1_000_000,
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

    /** A fingerprint of the loaded inputs: the same files give the same data version, whatever the run. */
    static String dataVersion(Warehouse warehouse) {
        List<String> shas = warehouse.query("SELECT DISTINCT source || ':' || source_sha256 FROM raw.load WHERE status = 'loaded' ORDER BY 1",
                rs -> rs.getString(1));
        return "data-" + sha256(String.join("\n", shas).getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12);
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
        List<Map<String, Object>> inputs = warehouse.query("""
                SELECT source, source_file, source_uri, source_sha256, load_id, rows_read, rows_loaded, rows_rejected
                FROM raw.load WHERE status = 'loaded' ORDER BY source, source_file, finished_at""",
                rs -> {
                    Map<String, Object> i = new LinkedHashMap<>();
                    i.put("source", rs.getString(1));
                    i.put("file", rs.getString(2));
                    i.put("uri", rs.getString(3));
                    i.put("sha256", rs.getString(4));
                    i.put("load_id", rs.getString(5));
                    i.put("rows_read", rs.getLong(6));
                    i.put("rows_loaded", rs.getLong(7));
                    i.put("rows_rejected", rs.getLong(8));
                    return i;
                });
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("run_id", runId);
        manifest.put("published_at", Instant.now().toString());
        manifest.put("code_version", codeVersion);
        manifest.put("data_version", dataVersion);
        // a bundled sample file was loaded (config/reference/sample_files.csv): the figures are not real
        manifest.put("sample_data", warehouse.queryLong("SELECT count(*) FROM raw.load WHERE status = 'loaded'"
                + " AND source_sha256 IN (SELECT sha256 FROM ref.sample_file)") > 0);
        manifest.put("inputs", inputs);
        manifest.put("outputs", outputs);
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(dir.resolve("manifest.json").toFile(), manifest);
        return outputs.size() + 1;
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
