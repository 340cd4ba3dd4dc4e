package nl.impactmonitor.jobs.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.impactmonitor.jobs.extract.WorkbookWriter.Column;
import nl.impactmonitor.jobs.extract.WorkbookWriter.Kind;
import nl.impactmonitor.warehouse.Warehouse;

/**
 * The yearly accountability export, the monitoring annex of the yearly operations report (JBR) or of a letter to
 * parliament: {@code verantwoording-<year>.xlsx} and a print-ready {@code verantwoording-<year>.html} (A4, page
 * numbers, no external resources). Every theme of the strategy and every goal of the catalogue appear exactly once
 * per scope (each ministry and RIJK), from marts.rpt_accountability_themes and marts.rpt_accountability_goals; each
 * goal row carries its lineage (input files, goal id, status rule, run); the audit sheet lists the run, the code and
 * data versions and every input file with its sha256 and rows, as manifest.json does. Written in every publication
 * (for the latest year with a figure) and by {@code report --year}.
 */
public final class AccountabilityExport {

    public static final String FOLDER = "verantwoording";
    /** Above this many characters a row's input file list names the count and points to the audit sheet. */
    static final int MAX_FILES_TEXT = 1000;

    /** The run and versions the export names. */
    public record Provenance(String runId, String codeVersion, String dataVersion) {
    }

    private AccountabilityExport() {
    }

    /** The export of the latest year with a figure, into {@code dir}; nothing when there is no year. */
    public static List<Path> writeLatestYear(Warehouse warehouse, Path dir, String runId, String codeVersion, String dataVersion) throws IOException {
        List<Integer> years = warehouse.query("""
                SELECT coalesce(max(year) FILTER (WHERE actual_value IS NOT NULL), max(year)) FROM marts.rpt_accountability_goals""",
                rs -> rs.getObject(1) == null ? null : rs.getInt(1));
        if (years.isEmpty() || years.get(0) == null) {
            return List.of();
        }
        return write(warehouse, dir, years.get(0), new Provenance(runId, codeVersion, dataVersion));
    }

    /** The years the warehouse has goal rows for. */
    public static List<Integer> years(Warehouse warehouse) {
        return warehouse.query("SELECT DISTINCT year FROM marts.rpt_accountability_goals ORDER BY 1", rs -> rs.getInt(1));
    }

    static String baseName(int year) {
        return "verantwoording-" + year;
    }

    /** Writes the workbook and the print page of {@code year} into {@code dir}; returns both files. */
    public static List<Path> write(Warehouse warehouse, Path dir, int year, Provenance run) throws IOException {
        boolean sample = Publisher.containsSampleData(warehouse);
        LocalDate dataDate = DepartmentWorkbooks.dataDate(warehouse);
        List<Map<String, Object>> themes = rows(warehouse, """
                SELECT scope_code, year, theme_strategy, theme_name_nl, goal_count, measurable_goal_count, verdict_goal_count,
                       favourable_goal_count, theme_note_nl
                FROM marts.rpt_accountability_themes WHERE year = ?
                ORDER BY scope_code <> 'RIJK', scope_code, theme_strategy = 'all', theme_strategy""", year);
        List<Map<String, Object>> goals = rows(warehouse, """
                SELECT scope_code, year, theme_strategy, theme_name_nl, goal_kind, goal_id, goal_name_nl, unit, actual_value, actual_min,
                       actual_max, baseline_year, baseline_value, trajectory_value, target_year, target_value, coverage_pct,
                       status_label_nl, status, status_reason_nl, status_rule, source, input_source, input_files, input_file_count
                FROM marts.rpt_accountability_goals WHERE year = ?
                ORDER BY scope_code <> 'RIJK', scope_code, theme_strategy = 'all', theme_strategy, goal_kind, goal_id""", year);
        List<Map<String, Object>> inputs = Publisher.inputs(warehouse);
        Files.createDirectories(dir);
        Path xlsx = dir.resolve(baseName(year) + ".xlsx");
        Path html = dir.resolve(baseName(year) + ".html");
        writeWorkbook(xlsx, year, run, dataDate, sample, themes, goals, inputs);
        Files.writeString(html, AccountabilityPage.render(year, run, dataDate, sample, themes, goals, inputs), StandardCharsets.UTF_8);
        return List.of(xlsx, html);
    }

    static final List<Column> THEME_COLUMNS = List.of(Column.text("Bestuursniveau", 14), Column.of("Jaar", Kind.YEAR),
            Column.text("Thema-code", 18), Column.text("Thema", 36), Column.of("Doelen", Kind.INTEGER), Column.of("Meetbare doelen", Kind.INTEGER),
            Column.of("Met oordeel", Kind.INTEGER), Column.of("Gunstig oordeel", Kind.INTEGER), Column.text("Toelichting", 80),
            Column.text("Run", 24), Column.text("Gegevensversie", 20));

    static final List<Column> GOAL_COLUMNS = List.of(Column.text("Bestuursniveau", 14), Column.of("Jaar", Kind.YEAR),
            Column.text("Thema", 30), Column.text("Soort doel", 10), Column.text("Doel-id", 28), Column.text("Doel", 50),
            Column.text("Eenheid", 12), Column.of("Waarde", Kind.DECIMAL), Column.of("Bandbreedte min", Kind.DECIMAL),
            Column.of("Bandbreedte max", Kind.DECIMAL), Column.of("Nulmeting jaar", Kind.YEAR), Column.of("Nulmeting", Kind.DECIMAL),
            Column.of("Traject", Kind.DECIMAL), Column.of("Doeljaar", Kind.YEAR), Column.of("Doelwaarde", Kind.DECIMAL),
            Column.of("Dekking %", Kind.PERCENT), Column.text("Status", 22), Column.text("Statuscode", 20),
            Column.text("Reden", 70), Column.text("Statusregel", 50), Column.text("Bron doel", 40), Column.text("Invoerbron", 10),
            Column.text("Invoerbestanden", 60), Column.of("Aantal invoerbestanden", Kind.INTEGER), Column.text("Run", 24),
            Column.text("Gegevensversie", 20));

    static final List<Column> AUDIT_COLUMNS = List.of(Column.text("Run", 24), Column.text("Codeversie", 20), Column.text("Gegevensversie", 20),
            Column.text("Bron", 10), Column.text("Bestand", 36), Column.text("sha256", 66), Column.of("Aangekomen", Kind.DATETIME),
            Column.text("Load-id", 24), Column.of("Rijen gelezen", Kind.INTEGER), Column.of("Rijen geladen", Kind.INTEGER),
            Column.of("Rijen afgekeurd", Kind.INTEGER), Column.of("Rijen gebruikt", Kind.INTEGER), Column.text("Partities", 60));

    private static void writeWorkbook(Path file, int year, Provenance run, LocalDate dataDate, boolean sample, List<Map<String, Object>> themes,
                                      List<Map<String, Object>> goals, List<Map<String, Object>> inputs) throws IOException {
        try (WorkbookWriter book = new WorkbookWriter(dataDate)) {
            List<String> notes = new ArrayList<>();
            notes.add("Monitoring Inkopen met Impact " + year + ": bijlage bij de Jaarrapportage Bedrijfsvoering Rijk of een Kamerbrief");
            if (sample) {
                notes.add("LET OP: VOORBEELDGEGEVENS. Deze export bevat meegeleverde voorbeeldbestanden; de cijfers zijn niet echt.");
            }
            notes.add("Run: " + run.runId() + "; codeversie: " + run.codeVersion() + "; gegevensversie: " + run.dataVersion()
                    + "; datum gegevens: " + dataDate.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")) + ".");
            notes.add("Thema's: elk thema van Inkopen met Impact één keer per bestuursniveau (elk ministerie en RIJK), ook de thema's zonder meetbaar doel.");
            notes.add("Doelen: elk doel van de catalogus (config/targets.yaml en de inspanningsdoelen I-IV) één keer per bestuursniveau, met waarde, bandbreedte, doel, traject, status en reden.");
            notes.add("Herkomst per rij: Doel-id en Statusregel zeggen welke regel de status bepaalde (docs/goals.md), Invoerbestanden welke bestanden (met het begin van hun sha256) de cijfers leverden, Run en Gegevensversie welke run.");
            notes.add("Audit: de run, de code- en gegevensversie en elk invoerbestand met zijn volledige sha256 en het aantal rijen, zoals manifest.json van de publicatie.");
            notes.add("Een leeg vak betekent geen waarde, nooit nul. Getallen zijn getallen: Excel toont ze met de scheidingstekens van uw taalinstelling.");
            book.notes("Toelichting", notes);
            List<List<Object>> themeRows = new ArrayList<>();
            for (Map<String, Object> t : themes) {
                themeRows.add(values(t, "scope_code", "year", "theme_strategy", "theme_name_nl", "goal_count", "measurable_goal_count",
                        "verdict_goal_count", "favourable_goal_count", "theme_note_nl", run.runId(), run.dataVersion()));
            }
            book.table("Thema's", THEME_COLUMNS, themeRows);
            List<List<Object>> goalRows = new ArrayList<>();
            for (Map<String, Object> g : goals) {
                goalRows.add(values(g, "scope_code", "year", "theme_name_nl", "goal_kind", "goal_id", "goal_name_nl", "unit", "actual_value",
                        "actual_min", "actual_max", "baseline_year", "baseline_value", "trajectory_value", "target_year", "target_value",
                        "coverage_pct", "status_label_nl", "status", "status_reason_nl", "status_rule", "source", "input_source",
                        filesText(g, MAX_FILES_TEXT), "input_file_count", run.runId(), run.dataVersion()));
            }
            book.table("Doelen", GOAL_COLUMNS, goalRows);
            List<List<Object>> auditRows = new ArrayList<>();
            for (Map<String, Object> i : inputs) {
                auditRows.add(java.util.Arrays.asList(run.runId(), run.codeVersion(), run.dataVersion(), i.get("source"), i.get("file"),
                        i.get("sha256"), dateTime(i.get("arrived_at")), i.get("load_id"), i.get("rows_read"), i.get("rows_loaded"),
                        i.get("rows_rejected"), i.get("rows_supplied"), String.join(", ", stringList(i.get("partitions")))));
            }
            if (auditRows.isEmpty()) {
                auditRows.add(java.util.Arrays.asList(run.runId(), run.codeVersion(), run.dataVersion()));
            }
            book.table("Audit", AUDIT_COLUMNS, auditRows);
            book.title((sample ? "VOORBEELDGEGEVENS - " : "") + "Monitoring Inkopen met Impact " + year);
            book.write(file);
        }
    }

    /** The row's input files, or when longer than {@code max} characters their number and where the list is. */
    static String filesText(Map<String, Object> goal, int max) {
        String files = String.valueOf(goal.get("input_files"));
        if (files.length() <= max) {
            return files;
        }
        return goal.get("input_file_count") + " bestanden van bron " + goal.get("input_source") + "; zie het blad Audit";
    }

    static LocalDateTime dateTime(Object text) {
        if (text == null) {
            return null;
        }
        String s = text.toString().trim().replace(' ', 'T');
        try {
            return LocalDateTime.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> stringList(Object o) {
        return o instanceof List<?> l ? (List<String>) l : List.of();
    }

    /** Values of the named columns; a name that is not a column is taken as the value itself. */
    private static List<Object> values(Map<String, Object> row, String... names) {
        List<Object> values = new ArrayList<>();
        for (String n : names) {
            values.add(row.containsKey(n) ? row.get(n) : n);
        }
        return values;
    }

    static List<Map<String, Object>> rows(Warehouse warehouse, String sql, Object... params) {
        return warehouse.query(sql, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
            }
            return row;
        }, params);
    }

    /** A number the Dutch way: 1.234,5 (up to three decimals). */
    static String number(Object value) {
        if (value == null) {
            return "";
        }
        DecimalFormat f = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL")));
        return f.format(value instanceof java.math.BigDecimal d ? d : new java.math.BigDecimal(value.toString()));
    }
}
