package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands one delivered file of any source: inspects it, skips content that was loaded before, turns a workbook
 * or a non-UTF-8 text into UTF-8 CSV, finds its header, and hands it to the warehouse's ELT loader. A file
 * that cannot be read is recorded as rejected with its reason; it never stops the next file.
 */
public final class SourceFileLoader {

    private static final Logger log = LoggerFactory.getLogger(SourceFileLoader.class);

    private final Warehouse warehouse;
    private final RawLoader.Spec spec;
    private final SourceColumns columns;
    private final Path workDir;

    public SourceFileLoader(Warehouse warehouse, RawLoader.Spec spec, SourceColumns columns, Path workDir) {
        this.warehouse = warehouse;
        this.spec = spec;
        this.columns = columns;
        this.workDir = workDir;
    }

    public RawLoader.Result load(Path file, String sourceUri, String loadId) throws IOException {
        return load(file, sourceUri, loadId, false);
    }

    /** Lands one file; with {@code force} a file whose content was loaded before is loaded again. */
    public RawLoader.Result load(Path file, String sourceUri, String loadId, boolean force) throws IOException {
        return load(file, sourceUri, loadId, force, null);
    }

    /** Lands one file, or with {@code only} just one (department, year) partition of it (always loaded again). */
    public RawLoader.Result load(Path file, String sourceUri, String loadId, boolean force, RawLoader.Partition only) throws IOException {
        force = force || only != null;
        InspectedFile inspected = InspectedFile.inspect(file);
        RawLoader loader = warehouse.rawLoader();
        RawLoader.Lineage lineage = new RawLoader.Lineage(loadId, file.getFileName().toString(), sourceUri,
                inspected.sha256(), inspected.format().name().toLowerCase(), inspected.encoding());
        var earlier = loader.previousLoadOf(spec.source(), inspected.sha256());
        if (earlier.isPresent() && !force) {
            log.info("Skipping {}: same content already loaded by {}", file.getFileName(), earlier.get());
            return loader.recordDuplicate(spec, lineage, earlier.get());
        }
        Path work = workDir.resolve(loadId);
        Files.createDirectories(work);
        try {
            return switch (inspected.format()) {
                case EMPTY -> loader.rejectFile(spec, lineage, null, "file is empty");
                case XLS -> loader.rejectFile(spec, lineage, null,
                        "file is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV");
                case XLSX -> loadWorkbook(file, lineage, work, only);
                case JSON -> loadJson(file, lineage, work, only);
                case CSV -> loadText(file, inspected, lineage, work, only);
            };
        } finally {
            deleteRecursively(work);
        }
    }

    private RawLoader.Result loadWorkbook(Path file, RawLoader.Lineage lineage, Path work, RawLoader.Partition only) {
        XlsxToCsv.Converted converted;
        try {
            converted = XlsxToCsv.convert(file, work, columns);
        } catch (HeaderLocator.NoHeaderException e) {
            return warehouse.rawLoader().rejectFile(spec, lineage, null, e.getMessage());
        } catch (IOException e) {
            return warehouse.rawLoader().rejectFile(spec, lineage, null, e.getMessage());
        }
        HeaderLocator.Header h = converted.header();
        log.info("{}: sheet '{}', header on Excel row {}", file.getFileName(), converted.sheetName(), h.headerLine());
        return warehouse.rawLoader().load(spec, new RawLoader.DelimitedFile(converted.csv(), h.delimiter(), h.linesBeforeData(),
                h.columnCount(), h.columnIndex(), XlsxToCsv.ROW_NUMBER_COLUMN), lineage, only);
    }

    /** A JSON array of records: DuckDB writes it out as CSV with each record's position as its line number. */
    private RawLoader.Result loadJson(Path file, RawLoader.Lineage lineage, Path work, RawLoader.Partition only) {
        Path csv = work.resolve(file.getFileName() + ".csv");
        try {
            warehouse.jsonArrayToCsv(file, csv);
        } catch (RuntimeException e) {
            return warehouse.rawLoader().rejectFile(spec, lineage, null, "not a readable JSON array of records: " + e.getMessage());
        }
        HeaderLocator.Header h;
        try {
            h = HeaderLocator.locate(csv, columns);
        } catch (HeaderLocator.NoHeaderException e) {
            return warehouse.rawLoader().rejectFile(spec, lineage, null, e.getMessage().replace("header row", "set of record keys"));
        }
        return warehouse.rawLoader().load(spec, new RawLoader.DelimitedFile(csv, h.delimiter(), h.linesBeforeData(),
                h.columnCount(), h.columnIndex(), 1), lineage, only);
    }

    private RawLoader.Result loadText(Path file, InspectedFile inspected, RawLoader.Lineage lineage, Path work,
                                      RawLoader.Partition only) throws IOException {
        Path utf8 = file;
        if (inspected.needsTranscoding()) {
            utf8 = work.resolve(file.getFileName() + ".utf8.csv");
            // An InputStreamReader replaces the few bytes windows-1252 leaves undefined instead of failing on them.
            try (java.io.PushbackReader in = new java.io.PushbackReader(
                         new java.io.InputStreamReader(Files.newInputStream(file), inspected.charset()), 3);
                 Writer out = Files.newBufferedWriter(utf8, StandardCharsets.UTF_8)) {
                // A UTF-8 byte-order mark in front of Windows-1252 text reads as three letters; drop it.
                char[] head = new char[3];
                int n = in.read(head, 0, 3);
                if (n > 0 && !(n == 3 && head[0] == '\u00EF' && head[1] == '\u00BB' && head[2] == '\u00BF')) {
                    in.unread(head, 0, n);
                }
                in.transferTo(out);
            }
        }
        HeaderLocator.Header h;
        try {
            h = HeaderLocator.locate(utf8, columns);
        } catch (HeaderLocator.NoHeaderException e) {
            return warehouse.rawLoader().rejectFile(spec, lineage, null, e.getMessage());
        }
        return warehouse.rawLoader().load(spec, new RawLoader.DelimitedFile(utf8, h.delimiter(), h.linesBeforeData(),
                h.columnCount(), h.columnIndex()), lineage, only);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
