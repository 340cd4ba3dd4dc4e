package nl.impactmonitor.jobs.reliability;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus ({@code src/test/resources/corpus/}): every file of {@code expected.csv} is loaded, in the
 * listed order, into one warehouse, and its outcome (status, row counts, rejected lines, a reason) is checked.
 * After every file a small valid "canary" file of the same source is loaded, to show the job can go on. The
 * outcomes are written to {@code docs/reliability.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusIT {

    static final Path CORPUS = TestProject.DIR.resolve("jobs/src/test/resources/corpus");
    static final Path MANIFEST = CORPUS.resolve("expected.csv");
    static final Path REPORT = TestProject.DIR.resolve("docs/reliability.md");
    static final int REASON_CHARS = 80;

    static final Map<String, RawLoader.Spec> SPECS = Map.of(
            Source.SPEND.token(), Source.SPEND.spec(), Source.TENDER.token(), Source.TENDER.spec(), Source.RESULT.token(), Source.RESULT.spec());
    static final Map<String, String> STAGING = Map.of(
            Source.SPEND.token(), "staging.spend_line", Source.TENDER.token(), "staging.tender_record", Source.RESULT.token(), "staging.result_record");

    /** One line of expected.csv. */
    record Expected(int order, String source, String file, RawLoader.Status status, long read, long loaded, long rejected,
                    List<Long> rejectLines, String reasonContains, String note) {
    }

    /** What became of one corpus file. */
    record Outcome(Expected expected, String status, long read, long loaded, long rejected, String firstReason) {
    }

    @TempDir
    static Path tmp;

    Warehouse warehouse;
    final Map<String, SourceFileLoader> loaders = new LinkedHashMap<>();
    final List<Expected> manifest = new ArrayList<>();
    final List<Outcome> outcomes = new ArrayList<>();
    int loads;

    @BeforeAll
    void openWarehouse() throws IOException {
        warehouse = TestProject.warehouse(Files.createDirectories(tmp.resolve("warehouse")));
        for (String source : SPECS.keySet()) {
            loaders.put(source, new SourceFileLoader(warehouse, SPECS.get(source), TestProject.columns(source), tmp.resolve("work")));
        }
        manifest.addAll(readManifest());
    }

    @AfterAll
    void writeReportAndClose() throws IOException {
        try {
            if (outcomes.size() == manifest.size()) {
                Files.writeString(REPORT, report(outcomes), StandardCharsets.UTF_8);
            } else {
                System.err.println("CorpusIT: " + (manifest.size() - outcomes.size()) + " corpus file(s) did not run; "
                        + REPORT + " left as it was");
            }
            if (Boolean.getBoolean("corpus.print")) {
                outcomes.forEach(o -> System.out.println("ACTUAL " + o.expected().source() + "," + o.expected().file() + "," + o.status()
                        + "," + o.read() + "," + o.loaded() + "," + o.rejected() + " | " + o.firstReason()));
            }
        } finally {
            warehouse.close();
        }
    }

    static List<Expected> readManifest() throws IOException {
        List<Expected> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(MANIFEST, StandardCharsets.UTF_8)) {
            int order = 0;
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                // An unquoted comma in a reason would cut the expected reason short and still pass.
                if (!r.isConsistent()) {
                    throw new IllegalStateException(MANIFEST + " line " + r.getRecordNumber() + " has " + r.size()
                            + " fields; quote a value that holds a comma");
                }
                List<Long> lines = r.get("reject_lines").isBlank() ? List.of()
                        : java.util.Arrays.stream(r.get("reject_lines").split("\\|")).map(String::strip).map(Long::valueOf).toList();
                rows.add(new Expected(++order, r.get("source"), r.get("file"), RawLoader.Status.valueOf(r.get("expected_status")),
                        Long.parseLong(r.get("rows_read")), Long.parseLong(r.get("rows_loaded")), Long.parseLong(r.get("rows_rejected")),
                        lines, r.get("reason_contains"), r.get("note")));
            }
        }
        return rows;
    }

    @TestFactory
    List<DynamicTest> corpus() {
        assertThat(manifest).as("corpus files in expected.csv").hasSizeGreaterThanOrEqualTo(40);
        return manifest.stream()
                .map(e -> DynamicTest.dynamicTest(String.format("%02d %s/%s", e.order(), e.source(), e.file()), () -> check(e)))
                .toList();
    }

    private void check(Expected e) throws IOException {
        assertThat(SPECS).as("source of %s", e.file()).containsKey(e.source());
        Path file = CorpusFiles.isGenerated(e.file())
                ? CorpusFiles.generate(e.file(), Files.createDirectories(tmp.resolve("generated")))
                : CORPUS.resolve(e.source()).resolve(e.file());
        assertThat(file).as("corpus file").exists();
        String loadId = "corpus-" + e.order();
        RawLoader.Result result;
        try {
            result = loaders.get(e.source()).load(file, null, loadId);
        } catch (Exception | Error failure) {
            outcomes.add(new Outcome(e, "EXCEPTION", 0, 0, 0, sanitise(failure.toString())));
            throw new AssertionError(e.file() + ": the loader threw instead of recording an outcome", failure);
        }
        List<Map<String, Object>> rejects = warehouse.rawLoader().rejectsOf(loadId);
        String firstReason = result.status() == RawLoader.Status.REACTIVATED ? result.message()
                : rejects.isEmpty() ? "" : String.valueOf(rejects.get(0).get("reason"));
        outcomes.add(new Outcome(e, result.status().name(), result.rowsRead(), result.rowsLoaded(), result.rowsRejected(), sanitise(firstReason)));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(result.status()).as("status").isEqualTo(e.status());
        soft.assertThat(result.rowsRead()).as("rows read = loaded + rejected").isEqualTo(result.rowsLoaded() + result.rowsRejected());
        soft.assertThat(List.of(result.rowsRead(), result.rowsLoaded(), result.rowsRejected())).as("rows read, loaded, rejected")
                .containsExactly(e.read(), e.loaded(), e.rejected());
        soft.assertThat(rejects.stream().map(r -> (Long) r.get("line_no")).filter(Objects::nonNull).distinct().sorted().toList())
                .as("rejected lines (%s)", rejects).isEqualTo(e.rejectLines());
        if (!e.reasonContains().isBlank()) {
            List<String> reasons = new ArrayList<>(rejects.stream().map(r -> String.valueOf(r.get("reason"))).toList());
            reasons.add(result.message());
            soft.assertThat(reasons).as("a reason containing '%s'", e.reasonContains()).anyMatch(r -> r.contains(e.reasonContains()));
        }
        // The load log and the staging table agree with the result.
        soft.assertThat(warehouse.queryLong("SELECT count(*) FROM raw.load WHERE load_id = ? AND status = ?", loadId,
                result.status().name().toLowerCase())).as("raw.load row").isEqualTo(1);
        // A workbook's further sheets are read under loads that are part of the file's load.
        soft.assertThat(warehouse.queryLong("SELECT count(*) FROM " + STAGING.get(e.source()) + " WHERE load_id IN ("
                        + "SELECT load_id FROM raw.load WHERE coalesce(part_of_load_id, load_id) = ?)", loadId))
                .as("rows of this load in staging").isEqualTo(result.rowsLoaded());
        if (result.status() == RawLoader.Status.LOADED) {
            soft.assertThat(rejects.stream().map(r -> r.get("line_no")).distinct().count()).as("one rejected line per rejected row")
                    .isEqualTo(result.rowsRejected());
        } else if (result.status() == RawLoader.Status.FILE_REJECTED) {
            soft.assertThat(rejects).as("a whole-file reject has one reason and no line").singleElement()
                    .satisfies(r -> assertThat(r.get("line_no")).isNull());
        } else {
            soft.assertThat(rejects).as("a duplicate records no rejects").isEmpty();
        }
        Consumer<String> extra = extraChecks.get(e.source() + "/" + e.file());
        if (extra != null) {
            soft.check(() -> extra.accept(loadId));
        }
        // The job can go on: the next (valid) file of this source still loads.
        soft.check(() -> canary(e.source()));
        soft.assertAll();
    }

    /** A small valid file of the source, unique per call, that must load completely. */
    private void canary(String source) throws IOException {
        int n = ++loads;
        String text = switch (source) {
            case "spend" -> "Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel\nAZ;2001;Canary;Canary " + n + ";1\n";
            case "tender" -> "TenderNed publicatienummer;Ministerie;Type opdracht;Publicatiedatum;MVI productgroep;MVI criteria toegepast\n"
                    + "CANARY-" + n + ";AZ;Diensten;01-01-2001;Catering;Ja\n";
            default -> "Contractnummer;Leverancier;Ministerie;Jaar;Indicator;Waarde;Eenheid\nCANARY-" + n + ";Canary B.V.;AZ;2001;electricity_use;1;MWh\n";
        };
        Path file = Files.createDirectories(tmp.resolve("canary")).resolve("canary-" + n + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        RawLoader.Result r = loaders.get(source).load(file, null, "canary-" + n);
        assertThat(List.of(r.status().name(), r.rowsRead(), r.rowsLoaded(), r.rowsRejected()))
                .as("canary file after the corpus file: the next file still loads").containsExactly("LOADED", 1L, 1L, 0L);
    }

    // ---------------------------------------------------------------- extra checks on what landed

    final Map<String, Consumer<String>> extraChecks = Map.ofEntries(
            Map.entry("spend/enc-windows1252.csv", id -> assertThat(spendSuppliers(id)).containsExactly("Café Brûlée Coöperatie", "€uro Drieëndertig B.V.")),
            Map.entry("spend/enc-utf16le-bom.csv", id -> assertThat(spendSuppliers(id)).containsExactly("Øresund Ünternehmen", "Zweite Zeile")),
            Map.entry("spend/enc-utf16be-bom.csv", id -> assertThat(spendSuppliers(id)).containsExactly("Große Brücke")),
            // A file that is not valid UTF-8 as a whole is read as windows-1252, so its UTF-8 lines become mojibake.
            Map.entry("spend/enc-mixed-utf8-1252.csv", id -> assertThat(spendSuppliers(id)).containsExactly("CafÃ© UTF-8", "Brûlée 1252")),
            Map.entry("spend/formula-suppliers.csv", id -> assertThat(spendSuppliers(id)).containsExactly(
                    "=HYPERLINK(\"http://x\";\"klik\")", "+31 70 123 4567 B.V.", "-5% Korting B.V.", "@Home Services", "=1+1")),
            Map.entry("spend/nul-byte.csv", id -> assertThat(strings(
                    "SELECT replace(supplier_name, chr(0), '<NUL>') FROM staging.spend_line WHERE load_id = ? ORDER BY line_no", id))
                    .containsExactly("Nul<NUL>Byte B.V.", "Gewoon")),
            // The never-closed quote swallows the rest of the file into one rejected record; its raw value shows that.
            Map.entry("spend/unbalanced-quote.csv", id -> assertThat(strings("SELECT value_raw FROM raw.reject WHERE load_id = ?", id))
                    .singleElement().asString().contains("Open quote B.V.")),
            Map.entry("spend/unbalanced-quote-closed-later.csv", id -> assertThat(spendSuppliers(id)).containsExactly(
                    "Goed B.V.", "Open quote B.V.;3\nFIN;2020;ICT;Na de quote;4\nFIN;2020;ICT;Laatste", "Echt laatste")),
            Map.entry("spend/quote-inside-value.csv", id -> assertThat(spendSuppliers(id)).containsExactly(
                    "Stichting \"Het Baken\"", "Stichting \"De Haven\"")),
            Map.entry("spend/staffel-edge.csv", id -> assertThat(strings("SELECT staffel FROM staging.spend_line WHERE load_id = ? ORDER BY line_no", id))
                    .containsExactly("5", "0", "13", "7")),
            Map.entry("spend/dept-unknown.csv", id -> assertThat(strings("SELECT department_code FROM staging.spend_line WHERE load_id = ? ORDER BY line_no", id))
                    .containsExactly("FIN", "IenW", "EZK")), // KGG named for 2023 is its predecessor EZK (departments.csv)
            Map.entry("spend/title-rows.csv", id -> assertThat(strings("SELECT line_no FROM staging.spend_line WHERE load_id = ?", id)).containsExactly("5")),
            Map.entry("spend/json-disguised.csv", id -> assertThat(strings("SELECT supplier_name || ' ' || staffel FROM staging.spend_line WHERE load_id = ?", id))
                    .containsExactly("JSON B.V. 4")),
            Map.entry("spend/GENERATED:big-field.csv", id -> assertThat(strings(
                    "SELECT length(supplier_name) FROM staging.spend_line WHERE load_id = ? ORDER BY line_no", id))
                    .containsExactly(String.valueOf(CorpusFiles.BIG_FIELD_CHARS), "17")),
            Map.entry("spend/GENERATED:spend-multi-sheet.xlsx", id -> assertThat(strings(
                    "SELECT line_no || ' ' || department_code || ' ' || year || ' ' || supplier_name || ' ' || staffel FROM staging.spend_line WHERE load_id = ? ORDER BY line_no", id))
                    .containsExactly("4 IenW 2021 Formule B.V. 5", "8 IenW 2021 Staffel als 5.0 B.V. 5", "9 IenW 2021 Formulejaar B.V. 3",
                            "11 IenW 2021 Na lege rij B.V. 2")),
            // Rows after a second header with supplier and category swapped are read in that header's order.
            Map.entry("spend/header-repeated-swapped.csv", id -> assertThat(strings(
                    "SELECT line_no || ' ' || hoofdkostensoort || ' / ' || supplier_name FROM staging.spend_line WHERE load_id = ? ORDER BY line_no", id))
                    .containsExactly("2 ICT / Voor de gewisselde kop", "5 Kantoorartikelen / Na de gewisselde kop B.V.")),
            Map.entry("spend/line-numbers-physical.csv", id -> assertThat(strings(
                    "SELECT line_no || ' ' || supplier_name FROM staging.spend_line WHERE load_id = ? ORDER BY line_no", id))
                    .containsExactly("2 Drie\nregels\nB.V.", "6 Na drie regels")),
            // Every sheet with a header loads, under a load naming the sheet; rejects carry the sheet and its Excel row.
            Map.entry("spend/GENERATED:spend-sheet-per-year.xlsx", id -> {
                assertThat(strings("SELECT l.sheet_name || ' ' || s.line_no || ' ' || s.hoofdkostensoort || ' / ' || s.supplier_name"
                        + " FROM staging.spend_line AS s JOIN raw.load AS l ON l.load_id = s.load_id"
                        + " WHERE coalesce(l.part_of_load_id, l.load_id) = ? ORDER BY s.year, s.line_no", id))
                        .containsExactly("2021 2 ICT / Leverancier 2021-1", "2021 3 ICT / Leverancier 2021-2", "2021 4 ICT / Leverancier 2021-3",
                                "2022 2 ICT / Leverancier 2022-1", "2022 4 ICT / Leverancier 2022-3",
                                "2023 2 ICT / Leverancier 2023-1", "2023 3 ICT / Leverancier 2023-2", "2023 4 ICT / Leverancier 2023-3");
                assertThat(strings("SELECT sheet_name || ' ' || line_no || ' ' || reason FROM raw.reject WHERE load_id = ?", id))
                        .containsExactly("2022 3 staffel 'x' is not a band code 0-13");
            }),
            Map.entry("tender/numbers-mixed.csv", id -> assertThat(amounts("SELECT publication_id, estimated_value_eur FROM staging.tender_record WHERE load_id = ?", id))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("900101", "1250000.00", "900102", "1250000.00", "900103", "87500.50",
                            "900106", "250000.00", "900107", "12.50", "900108", "1.50"))),
            Map.entry("tender/dates.csv", id -> assertThat(strings("SELECT DISTINCT publication_date FROM staging.tender_record WHERE load_id = ?", id))
                    .containsExactly("2023-12-31")),
            Map.entry("tender/enc-windows1252-comma.csv", id -> assertThat(amounts(
                    "SELECT publication_id || ' ' || department_code, estimated_value_eur FROM staging.tender_record WHERE load_id = ?", id))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("900701 FIN", "1250000.00", "900702 FIN", "87500.00"))),
            Map.entry("tender/GENERATED:tender-workbook.xlsx", id -> assertThat(strings(
                    "SELECT line_no || ' ' || publication_id || ' ' || publication_date || ' ' || coalesce(CAST(estimated_value_eur AS VARCHAR), '-')"
                            + " FROM staging.tender_record WHERE load_id = ? ORDER BY line_no", id))
                    .containsExactly("2 900901 2023-03-15 1250000.00", "4 900903 2023-06-01 -", "6 900905 2023-07-01 250000.00")),
            Map.entry("result/GENERATED:results-typed-cells.xlsx", id -> assertThat(amounts(
                    "SELECT contract_id, value_reported FROM staging.result_record WHERE load_id = ?", id))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("TC-1", "0.5", "TC-2", "12.345", "TC-3", "1500"))),
            Map.entry("result/json-typed-numbers.json", id -> assertThat(amounts(
                    "SELECT contract_id, value_reported FROM staging.result_record WHERE load_id = ?", id))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("JT-1", "12.345", "JT-2", "0.001"))),
            Map.entry("result/json-year-point-zero.json", id -> assertThat(strings(
                    "SELECT contract_id || ' ' || year FROM staging.result_record WHERE load_id = ? ORDER BY line_no", id))
                    .containsExactly("JY-1 2023", "JY-2 2023", "JY-4 2023")),
            Map.entry("result/leading-zero-decimals.csv", id -> assertThat(amounts(
                    "SELECT contract_id, value_reported FROM staging.result_record WHERE load_id = ?", id))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("L-01", "0.5", "L-02", "0.125", "L-03", "0.001"))),
            Map.entry("result/ambiguous-dutch-evidence.csv", id -> assertThat(amounts(
                    "SELECT contract_id, value_reported FROM staging.result_record WHERE load_id = ?", id))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("D-01", "1500", "D-02", "12.5", "D-03", "1.5"))),
            Map.entry("tender/dates-out-of-range.csv", id -> assertThat(strings(
                    "SELECT line_no || ' ' || reason FROM raw.reject WHERE load_id = ? ORDER BY line_no", id))
                    .containsExactly("2 award date 15-03-2204 is outside 2000-" + (Year.now().getValue() + 1),
                            "3 record date 01-04-1999 is outside 2000-" + (Year.now().getValue() + 1),
                            "4 publication date 15-01-1999 is outside 2000-" + (Year.now().getValue() + 1))),
            Map.entry("result/numbers-mixed.csv", id -> assertThat(amounts("SELECT contract_id, value_reported FROM staging.result_record WHERE load_id = ?", id))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("N-01", "1234.5", "N-02", "1234.5", "N-05", "18.2",
                            "N-06", "1234.5", "N-07", "1500", "N-10", "1234567.891", "N-12", "1234567.891"))),
            Map.entry("result/formula-suppliers.csv", id -> assertThat(strings(
                    "SELECT supplier_name || coalesce(' / ' || note, '') FROM staging.result_record WHERE load_id = ? ORDER BY line_no", id))
                    .containsExactly("=cmd|' /C calc'!A0", "+31 70 123 4567 B.V.", "-Min Energie B.V.", "@SUM(A1:A9) / =1+1")),
            Map.entry("result/restatement-older-late.csv", id -> {
                // The correction (reported 01-03-2024) stays current although the older report was loaded after it.
                String history = historyModelSql();
                assertThat(strings("SELECT value_reported || ' ' || reported_on || ' of ' || version_count FROM (" + history
                        + ") WHERE contract_id = 'RST-2023-0001' AND is_current", null)).containsExactly("200.000000 2024-03-01 of 2");
                assertThat(strings("SELECT value_reported FROM results_as_reported_on(DATE '2024-02-15') WHERE contract_id = 'RST-2023-0001'", null))
                        .containsExactly("100.000000");
            }),
            Map.entry("result/json-records.json", id -> {
                assertThat(strings("SELECT contract_id || ' ' || supplier_kvk || ' ' || value_reported FROM staging.result_record WHERE load_id = ?", id))
                        .containsExactly("J-01 01893452 35166.600000");
                // A JSON record's line is its position in the array; its reject also names the line where its object starts.
                assertThat(strings("SELECT DISTINCT line_no || ' from line ' || start_line FROM raw.reject WHERE load_id = ? ORDER BY 1", id))
                        .containsExactly("2 from line 3", "3 from line 4");
            }),
            Map.entry("result/kvk-and-units.csv", id -> assertThat(strings(
                    "SELECT contract_id || ' ' || value_base || ' ' || base_unit FROM staging.result_record WHERE load_id = ?", id))
                    .containsExactly("K-05 315.955766 m3")),
            Map.entry("result/GENERATED:results-workbook.xlsx", id -> assertThat(strings(
                    "SELECT line_no || ' ' || contract_id || ' ' || coalesce(supplier_kvk, '-') || ' ' || value_reported || ' ' || coalesce(CAST(reported_on AS VARCHAR), '-')"
                            + " FROM staging.result_record WHERE load_id = ? ORDER BY line_no", id))
                    .containsExactly("3 WB-01 01893452 52682.000000 2024-03-08", "6 WB-04 01893452 1234.500000 2024-03-09")));

    private List<String> spendSuppliers(String loadId) {
        return strings("SELECT supplier_name FROM staging.spend_line WHERE load_id = ? ORDER BY line_no", loadId);
    }

    private List<String> strings(String sql, String loadId) {
        return loadId == null ? warehouse.query(sql, rs -> rs.getString(1)) : warehouse.query(sql, rs -> rs.getString(1), loadId);
    }

    /** Key to a decimal written without trailing zeros beyond the column's scale (DuckDB's own text). */
    private Map<String, String> amounts(String sql, String loadId) {
        Map<String, String> m = new LinkedHashMap<>();
        warehouse.query(sql, rs -> m.put(rs.getString(1), rs.getBigDecimal(2) == null ? null : plain(rs.getBigDecimal(2))), loadId);
        return m;
    }

    private static String plain(BigDecimal d) {
        return d.scale() > 2 ? d.stripTrailingZeros().toPlainString() : d.toPlainString();
    }

    /** The project's own model of result versions (core.fct_supplier_result_history), run as a subquery. */
    private static String historyModelSql() {
        try {
            String sql = Files.readString(TestProject.SQL.resolve("core/fct_supplier_result_history.sql")).strip();
            return (sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql) + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- docs/reliability.md

    /** Takes machine- and date-dependent parts out of a reason, so the report is the same on every machine and day. */
    static String sanitise(String text) {
        if (text == null) {
            return "";
        }
        return text.replace(tmp.toAbsolutePath().toString(), "<tmp>")
                .replace(TestProject.DIR.toString() + "/", "")
                .replace("2000-" + (Year.now().getValue() + 1), "2000-<next year>")
                .replaceFirst("^no header row found in the first (\\d+) lines; line (\\d+) looks most like a header but ",
                        "no header row (line $2 closest): ")
                .replaceAll("\\s+", " ").strip();
    }

    static String report(List<Outcome> outcomes) {
        StringBuilder md = new StringBuilder();
        md.append("""
                # Reliability: the bad-input corpus

                <!-- Generated by jobs/src/test/java/nl/impactmonitor/jobs/reliability/CorpusIT.java: do not edit by hand. -->

                The corpus is a set of deliberately broken, odd or hostile input files for the three sources (spend files,
                MVI-ZET tender exports, supplier-reported results): wrong and mixed delimiters, encodings, missing, extra,
                duplicated and reordered columns, bad staffels and years, empty and truncated files, unbalanced quotes, a
                10 MB field, NUL bytes, workbooks with several sheets, merged cells, formulas and dates as numbers, files
                that are not what their extension says, a zip-bomb-like workbook, gzip and zip deliveries, numbers that
                are ambiguous on their own (`1.500`) or start with a 0 group (`0,500`), typed XLSX cells and JSON numbers,
                dates out of range, formula-like supplier names, a duplicate delivery and a late, older restatement
                (issue 16's cases among them). The files are in `jobs/src/test/resources/corpus/<source>/`; the
                binary and large ones (`GENERATED:` below) are written by the test itself (`CorpusFiles`). The expected
                outcome of each is in `jobs/src/test/resources/corpus/expected.csv`.

                `CorpusIT` loads every file, in the order of `expected.csv`, into one warehouse with the production loader
                (`SourceFileLoader`), checks status, row counts (read = loaded + rejected), rejected lines and a reason, and
                after each file loads a small valid file of the same source to show that the job goes on. It then writes
                this page from the outcomes. Regenerate it with

                    ./mvnw -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CorpusIT

                Outcomes: `LOADED` (the file was read; bad rows are rejected one by one), `FILE_REJECTED` (nothing loaded;
                the reason says why), `REACTIVATED` (an earlier load holds the same bytes: its rows count for this file too, without
                reading it again). "Reason" is the first reject
                reason of the file (for a duplicate: the message), cut to %d characters; a reason "no header row found in the
                first 30 lines; line N looks most like a header but ..." is shortened to "no header row (line N closest):
                ...", so the problem itself shows.

                """.formatted(REASON_CHARS));
        md.append("| source | input file | what it tests | outcome | read | loaded | rejected | reason |\n");
        md.append("|---|---|---|---|---:|---:|---:|---|\n");
        outcomes.stream()
                .sorted(Comparator.comparing((Outcome o) -> o.expected().source()).thenComparing(o -> o.expected().file()))
                .forEach(o -> md.append("| ").append(cell(o.expected().source()))
                        .append(" | `").append(o.expected().file().replace("|", "\\|")).append('`')
                        .append(" | ").append(cell(o.expected().note()))
                        .append(" | ").append(o.status())
                        .append(" | ").append(o.read()).append(" | ").append(o.loaded()).append(" | ").append(o.rejected())
                        .append(" | ").append(cell(truncate(o.firstReason())))
                        .append(" |\n"));
        Map<String, Long> byStatus = outcomes.stream().collect(Collectors.groupingBy(Outcome::status, java.util.TreeMap::new, Collectors.counting()));
        md.append("\n").append(outcomes.size()).append(" files: ")
                .append(byStatus.entrySet().stream().map(en -> en.getValue() + " " + en.getKey()).collect(Collectors.joining(", "))).append(".\n");
        return md.toString();
    }

    private static String truncate(String reason) {
        return reason.length() <= REASON_CHARS ? reason : reason.substring(0, REASON_CHARS - 3) + "...";
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'");
    }
}
