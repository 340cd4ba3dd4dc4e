package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.impactmonitor.warehouse.InboxLedger;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands delivered files of any source, one or a batch at a time: inspects each, reuses content the warehouse
 * holds already, turns a workbook or a non-UTF-8 text into UTF-8 CSV, finds its header, and hands it to the warehouse's
 * ELT loader. A file that cannot be read is recorded as rejected with its reason; it never stops the next file.
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

    /** A delivered file, with its download address (or null) and the load id it gets. */
    public record Delivery(Path file, String sourceUri, String loadId) {
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
        return loadAll(List.of(new Delivery(file, sourceUri, loadId)), force, only).get(0);
    }

    /**
     * Lands files in one warehouse transaction and records them as present in the source's landing folder, with their
     * arrival (modification time): each is inspected; a file whose name, bytes and arrival are as last recorded is
     * {@code UNCHANGED}; bytes an earlier load holds (a copy under another name, earlier bytes put back) are
     * {@code REACTIVATED} from that load without reading them again; the others are read (workbooks and non-UTF-8 text
     * turned into UTF-8 CSV first). With {@code force} every file is read again. With {@code only} just that partition
     * of the file is read again; when the warehouse holds the file's load, the new rows take that load's place for the
     * partition. Results come back in list order.
     */
    public List<RawLoader.Result> loadAll(List<Delivery> deliveries, boolean force, RawLoader.Partition only) throws IOException {
        force = force || only != null;
        List<InspectedFile> inspected = new ArrayList<>();
        List<java.time.LocalDateTime> arrivals = new ArrayList<>();
        for (Delivery d : deliveries) {
            inspected.add(InspectedFile.inspect(d.file()));
            arrivals.add(InboxLedger.arrival(Files.getLastModifiedTime(d.file()).toInstant()));
        }
        RawLoader loader = warehouse.rawLoader();
        InboxLedger ledger = warehouse.ledger();
        Map<String, InboxLedger.Entry> recorded = ledger.entries(spec.source());
        Map<String, String> earlier = force ? new HashMap<>()
                : new HashMap<>(loader.previousLoadsOf(spec.source(), inspected.stream().map(InspectedFile::sha256).toList()));
        String owner = null;
        if (only != null && deliveries.size() == 1) {
            InboxLedger.Entry e = recorded.get(deliveries.get(0).file().getFileName().toString());
            if (e != null && e.sha256().equals(inspected.get(0).sha256()) && "loaded".equals(e.loadStatus())) {
                owner = e.loadId();
            } else if (e != null) {
                throw new IllegalStateException(e.file() + " changed in the " + spec.source() + " landing folder since the last run;"
                        + " run the nightly flow (or the source's load) to take in the new delivery, not a partition rerun");
            }
        }
        Path work = workDir.resolve(deliveries.get(0).loadId());
        // Per load id, what the run must say beside the row counts (sheets of a workbook that were not loaded).
        Map<String, String> warnings = new HashMap<>();
        Files.createDirectories(work);
        try {
            List<RawLoader.Item> items = new ArrayList<>();
            // Further sheets of a workbook are read as parts of its load; their results are added to the file's.
            List<RawLoader.Item> parts = new ArrayList<>();
            for (int i = 0; i < deliveries.size(); i++) {
                Delivery d = deliveries.get(i);
                InspectedFile f = inspected.get(i);
                String name = d.file().getFileName().toString();
                RawLoader.Lineage lineage = new RawLoader.Lineage(d.loadId(), name, d.sourceUri(),
                        f.sha256(), f.format().name().toLowerCase(), f.encoding());
                InboxLedger.Entry known = recorded.get(name);
                String before = earlier.get(f.sha256());
                if (!force && known != null && known.sha256().equals(f.sha256()) && known.arrivedAt().equals(arrivals.get(i))
                        && "loaded".equals(known.loadStatus())) {
                    items.add(new RawLoader.Reuse(lineage, known.loadId(), true));
                    continue;
                }
                if (before != null) {
                    log.info("{}: same content as load {}; its rows count again without reading the file", name, before);
                    items.add(new RawLoader.Reuse(lineage, before, false));
                    continue;
                }
                Path fileWork = Files.createDirectories(work.resolve(d.loadId()));
                List<RawLoader.Item> prepared = prepare(d.file(), f, lineage, fileWork, warnings);
                RawLoader.Item item = prepared.get(0);
                if (item instanceof RawLoader.Read && only == null) {
                    earlier.put(f.sha256(), d.loadId());
                }
                items.add(item);
                parts.addAll(prepared.subList(1, prepared.size()));
            }
            List<RawLoader.Item> all = new ArrayList<>(items);
            all.addAll(parts);
            List<RawLoader.Result> results = withParts(loader.loadBatch(spec, all, only, owner), items, parts);
            if (owner == null) {
                List<InboxLedger.Seen> seen = new ArrayList<>();
                for (int i = 0; i < deliveries.size(); i++) {
                    RawLoader.Item item = items.get(i);
                    String rowsLoad = item instanceof RawLoader.Reuse r ? r.earlierLoadId() : results.get(i).loadId();
                    seen.add(new InboxLedger.Seen(deliveries.get(i).file().getFileName().toString(), inspected.get(i).sha256(),
                            arrivals.get(i), rowsLoad));
                }
                ledger.record(spec.source(), spec.mode() == RawLoader.Mode.REPLACE_PARTITIONS, seen);
                if (force) {
                    ledger.pruneReplacedReads(spec.source(), spec.stagingTable());
                }
            }
            return results.stream().map(r -> {
                String warning = warnings.remove(r.loadId());
                return warning == null ? r : new RawLoader.Result(r.loadId(), r.status(), r.rowsRead(), r.rowsLoaded(), r.rowsRejected(),
                        r.partitions(), r.message() + "; WARNING " + warning);
            }).toList();
        } finally {
            deleteRecursively(work);
        }
    }

    /**
     * What a recorded file supplies now, for the run table: the partitions it is current for and the files it supersedes
     * there, the partitions a later arrival supplies instead, or that it is retired. Empty when it supplies nothing.
     */
    public String supplySummary(String fileName) {
        List<String> parts = new ArrayList<>();
        List<InboxLedger.Supply> supplies = warehouse.ledger().supplies(spec.source());
        List<String> current = new ArrayList<>();
        for (InboxLedger.Supply s : supplies) {
            if (s.current() && s.file().equals(fileName)) {
                List<String> over = supplies.stream().filter(o -> fileName.equals(o.supersededBy()) && o.departmentCode().equals(s.departmentCode())
                        && o.year() == s.year()).map(InboxLedger.Supply::file).toList();
                current.add(s.departmentCode() + " " + s.year() + (over.isEmpty() ? "" : " (supersedes " + String.join(", ", over) + ")"));
            } else if (!s.current() && s.file().equals(fileName)) {
                parts.add("superseded for " + s.departmentCode() + " " + s.year() + " by " + s.supersededBy());
            }
        }
        if (!current.isEmpty()) {
            parts.add(0, "current for " + (current.size() > 6 ? current.size() + " partitions" : String.join(", ", current)));
        }
        InboxLedger.Entry e = warehouse.ledger().entries(spec.source()).get(fileName);
        if (e != null && e.state().equals(InboxLedger.RETIRED)) {
            parts.add("retired (" + e.stateNote() + ")");
        }
        return String.join("; ", parts);
    }

    /**
     * The files' results with those of their further parts (sheets of a workbook) added in: row counts and partitions
     * summed, each sheet's own counts named in the message.
     */
    private static List<RawLoader.Result> withParts(List<RawLoader.Result> results, List<RawLoader.Item> files, List<RawLoader.Item> parts) {
        List<RawLoader.Result> merged = new ArrayList<>(results.subList(0, files.size()));
        for (int i = 0; i < files.size(); i++) {
            RawLoader.Result m = merged.get(i);
            List<String> sheets = new ArrayList<>();
            long read = m.rowsRead();
            long loaded = m.rowsLoaded();
            long rejected = m.rowsRejected();
            Map<String, RawLoader.Partition> partitions = new java.util.TreeMap<>();
            m.partitions().forEach(x -> partitions.merge(x.departmentCode() + " " + x.year(), x, SourceFileLoader::add));
            for (int p = 0; p < parts.size(); p++) {
                RawLoader.Read part = (RawLoader.Read) parts.get(p);
                if (!m.loadId().equals(part.partOf())) {
                    continue;
                }
                RawLoader.Result r = results.get(files.size() + p);
                if (sheets.isEmpty()) {
                    sheets.add("sheet '" + files.get(i).lineage().sheetName() + "': " + m.message());
                }
                sheets.add("sheet '" + part.lineage().sheetName() + "': " + r.message());
                read += r.rowsRead();
                loaded += r.rowsLoaded();
                rejected += r.rowsRejected();
                r.partitions().forEach(x -> partitions.merge(x.departmentCode() + " " + x.year(), x, SourceFileLoader::add));
            }
            if (!sheets.isEmpty()) {
                merged.set(i, new RawLoader.Result(m.loadId(), m.status(), read, loaded, rejected, List.copyOf(partitions.values()),
                        read + " rows read, " + loaded + " loaded, " + rejected + " rejected from " + sheets.size() + " sheets ("
                                + String.join("; ", sheets) + ")"));
            }
        }
        return merged;
    }

    private static RawLoader.Partition add(RawLoader.Partition a, RawLoader.Partition b) {
        return new RawLoader.Partition(a.departmentCode(), a.year(), a.rows() + b.rows());
    }

    /** What to read of a delivered file: one item, or for a workbook one per sheet with a header (the file's own first). */
    private List<RawLoader.Item> prepare(Path file, InspectedFile inspected, RawLoader.Lineage lineage, Path work, Map<String, String> warnings)
            throws IOException {
        return switch (inspected.format()) {
            case EMPTY -> List.of(new RawLoader.Unreadable(lineage, null, "file is empty"));
            case XLS -> List.of(new RawLoader.Unreadable(lineage, null, "file is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV"));
            case XLSX -> Archives.isWorkbook(file) ? workbook(file, lineage, work, warnings) : unpacked(file, "zip", lineage, work, warnings);
            case GZIP -> unpacked(file, "gzip", lineage, work, warnings);
            case JSON -> List.of(json(file, lineage, work));
            case CSV -> List.of(text(file, inspected, lineage, work, warnings));
        };
    }

    /**
     * A compressed delivery (a .gz, or a zip archive holding one file) is unpacked and read as the file inside;
     * lineage keeps the delivered file's name and sha256, the format says both ({@code gzip/csv}).
     */
    private List<RawLoader.Item> unpacked(Path file, String outer, RawLoader.Lineage lineage, Path work, Map<String, String> warnings)
            throws IOException {
        Path inner;
        try {
            inner = Archives.unpack(file, Files.createDirectories(work.resolve("unpacked")));
        } catch (Archives.UnpackException e) {
            return List.of(new RawLoader.Unreadable(lineage, null, e.getMessage()));
        }
        InspectedFile content = InspectedFile.inspect(inner);
        if (content.format() == InspectedFile.Format.GZIP
                || content.format() == InspectedFile.Format.XLSX && !Archives.isWorkbook(inner)) {
            return List.of(new RawLoader.Unreadable(lineage, null, "compressed file inside a compressed file: unpack it first"));
        }
        RawLoader.Lineage unpacked = new RawLoader.Lineage(lineage.loadId(), lineage.sourceFile(), lineage.sourceUri(), lineage.sha256(),
                outer + "/" + content.format().name().toLowerCase(), content.encoding());
        return prepare(inner, content, unpacked, work, warnings);
    }

    /**
     * A workbook: every sheet with a recognisable header is read, the first as the file's load, each further one as a
     * part of it under a load id of its own (its Excel rows are its line numbers); sheets with rows but no header are
     * named with their row counts as a warning in the run.
     */
    private List<RawLoader.Item> workbook(Path file, RawLoader.Lineage lineage, Path work, Map<String, String> warnings) {
        XlsxToCsv.Converted converted;
        try {
            converted = XlsxToCsv.convert(file, work, columns);
        } catch (HeaderLocator.NoHeaderException | IOException e) {
            return List.of(new RawLoader.Unreadable(lineage, null, e.getMessage()));
        }
        if (!converted.ignoredSheets().isEmpty()) {
            String warning = "not loaded: " + String.join(", ", converted.ignoredSheets());
            log.warn("{}: {}", file.getFileName(), warning);
            warnings.merge(lineage.loadId(), warning, (x, y) -> x + "; " + y);
        }
        List<RawLoader.Item> reads = new ArrayList<>();
        for (int i = 0; i < converted.sheets().size(); i++) {
            XlsxToCsv.Sheet sheet = converted.sheets().get(i);
            HeaderLocator.Header h = sheet.header();
            log.info("{}: sheet '{}', header on Excel row {}", file.getFileName(), sheet.sheetName(), h.headerLine());
            RawLoader.DelimitedFile csv = new RawLoader.DelimitedFile(sheet.csv(), h.delimiter(), h.linesBeforeData(),
                    h.columnCount(), h.columnIndex(), XlsxToCsv.ROW_NUMBER_COLUMN);
            reads.add(i == 0 ? new RawLoader.Read(csv, lineage.sheet(lineage.loadId(), sheet.sheetName()))
                    : new RawLoader.Read(csv, lineage.sheet(lineage.loadId() + "-sheet" + (i + 1), sheet.sheetName()), lineage.loadId()));
        }
        if (reads.size() > 1) {
            log.info("{}: {} sheets read: {}", file.getFileName(), reads.size(),
                    converted.sheets().stream().map(x -> "'" + x.sheetName() + "'").collect(java.util.stream.Collectors.joining(", ")));
        }
        return reads;
    }

    /**
     * A JSON array of records, written out as CSV with each record's position as its line number and the line its object
     * starts on (kept with its rejects); numbers stay typed.
     */
    private RawLoader.Item json(Path file, RawLoader.Lineage lineage, Path work) throws IOException {
        Path csv = work.resolve(file.getFileName() + ".csv");
        try {
            JsonToCsv.convert(file, csv);
        } catch (JsonToCsv.NotRecordsException e) {
            return new RawLoader.Unreadable(lineage, null, "not a readable JSON array of records: " + e.getMessage());
        }
        HeaderLocator.Header h;
        try {
            h = HeaderLocator.locate(csv, columns);
        } catch (HeaderLocator.NoHeaderException e) {
            return new RawLoader.Unreadable(lineage, null, e.getMessage().replace("header row", "set of record keys"));
        }
        return new RawLoader.Read(new RawLoader.DelimitedFile(csv, h.delimiter(), h.linesBeforeData(),
                h.columnCount(), h.columnIndex(), 1, 0, 2), lineage);
    }

    /**
     * A delimited text file: turned into UTF-8 if it is not, its header found, and its records copied with the physical
     * line each starts on and its field count in front ({@link PhysicalLines}).
     */
    private RawLoader.Item text(Path file, InspectedFile inspected, RawLoader.Lineage lineage, Path work, Map<String, String> warnings)
            throws IOException {
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
            return new RawLoader.Unreadable(lineage, null, e.getMessage());
        }
        PhysicalLines.Numbered numbered = PhysicalLines.copy(utf8, h, columns, work.resolve(file.getFileName() + ".lines.csv"));
        if (numbered.warning() != null) {
            log.warn("{}: {}", file.getFileName(), numbered.warning());
            warnings.merge(lineage.loadId(), numbered.warning(), (a, b) -> a + "; " + b);
        }
        Map<String, Integer> shifted = new java.util.LinkedHashMap<>();
        h.columnIndex().forEach((column, index) -> shifted.put(column, index + 2));
        return new RawLoader.Read(new RawLoader.DelimitedFile(numbered.csv(), h.delimiter(), 0, h.columnCount() + 2, shifted,
                PhysicalLines.LINE_COLUMN, PhysicalLines.FIELD_COUNT_COLUMN), lineage);
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
