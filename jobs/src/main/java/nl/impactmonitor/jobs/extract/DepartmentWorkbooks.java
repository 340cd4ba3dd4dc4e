package nl.impactmonitor.jobs.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.impactmonitor.jobs.extract.WorkbookWriter.Column;
import nl.impactmonitor.jobs.extract.WorkbookWriter.Kind;
import nl.impactmonitor.warehouse.Warehouse;

/**
 * {@code departments/<DEPT>/voortgang.xlsx} (and {@code rijk/voortgang.xlsx}): a ministry's progress for its
 * coordinator, in Excel with Dutch headers: a sheet explaining columns and statuses first, then one sheet per kind
 * of figure (effect goals, input goals, spend, footprint) from marts.rpt_department_progress and
 * marts.footprint_department_year, the same rows as progress.csv and footprint.csv. Numbers are number cells, the
 * data date a date cell. A publication that loaded a bundled sample file says so in the first sheet and in the
 * document's title.
 */
public final class DepartmentWorkbooks {

    public static final String FILE = "voortgang.xlsx";

    static final List<Column> EFFECT = List.of(Column.of("Jaar", Kind.YEAR), Column.text("Doel-id", 28), Column.text("Doel", 50),
            Column.text("Thema", 16), Column.text("Maatstaf", 36), Column.text("Eenheid", 12), Column.text("Status", 22),
            Column.text("Toelichting status", 70), Column.of("Waarde", Kind.DECIMAL), Column.of("Nulmeting jaar", Kind.YEAR),
            Column.of("Nulmeting", Kind.DECIMAL), Column.of("Traject", Kind.DECIMAL), Column.of("Doeljaar", Kind.YEAR),
            Column.of("Doelwaarde", Kind.DECIMAL), Column.of("Rapporterende contracten", Kind.INTEGER),
            Column.of("Verwachte contracten", Kind.INTEGER), Column.of("Rapporterende leveranciers", Kind.INTEGER),
            Column.of("Dekking %", Kind.PERCENT), Column.text("Bron", 50));
    static final String EFFECT_SQL = """
            SELECT department_code, year, goal_id, goal_name_nl, theme_strategy, metric, unit, status, status_reason_nl, actual_value,
                   baseline_year, baseline_value, trajectory_value, target_year, target_value, numerator_count, denominator_count,
                   reporting_supplier_count, coverage_pct, source
            FROM marts.rpt_department_progress WHERE goal_kind = 'effect' ORDER BY department_code, goal_id, year""";

    static final List<Column> INPUT = List.of(Column.of("Jaar", Kind.YEAR), Column.text("Doel-id", 14), Column.text("Doel", 50),
            Column.text("Thema", 16), Column.text("Status", 16), Column.text("Toelichting status", 70), Column.of("Aandeel %", Kind.PERCENT),
            Column.of("Streefwaarde %", Kind.PERCENT), Column.of("Aanbestedingen die voldoen", Kind.INTEGER),
            Column.of("Aanbestedingen binnen bereik", Kind.INTEGER), Column.of("Onbepaald", Kind.INTEGER), Column.text("Bron", 40));
    static final String INPUT_SQL = """
            SELECT department_code, year, goal_id, goal_name_nl, theme_strategy, status, status_reason_nl, actual_value, target_value,
                   numerator_count, denominator_count, undetermined_count, source
            FROM marts.rpt_department_progress WHERE goal_kind = 'input' ORDER BY department_code, goal_id, year""";

    static final List<Column> SPEND = List.of(Column.of("Jaar", Kind.YEAR), Column.text("Soort inkoop", 24),
            Column.of("Minimum (EUR)", Kind.AMOUNT), Column.of("Middenwaarde (EUR)", Kind.AMOUNT), Column.of("Maximum (EUR)", Kind.AMOUNT),
            Column.text("Status", 16), Column.text("Toelichting status", 70));
    static final String SPEND_SQL = """
            SELECT department_code, year, goal_name_nl, actual_min, actual_value, actual_max, status, status_reason_nl
            FROM marts.rpt_department_progress WHERE goal_kind = 'spend' ORDER BY department_code, year, goal_id""";

    static final List<Column> FOOTPRINT = List.of(Column.of("Jaar", Kind.YEAR), Column.text("Impactsegment", 24),
            Column.of("CO2 minimum (kg)", Kind.AMOUNT), Column.of("CO2 middenwaarde (kg)", Kind.AMOUNT), Column.of("CO2 maximum (kg)", Kind.AMOUNT),
            Column.of("Materiaal minimum (kg)", Kind.AMOUNT), Column.of("Materiaal middenwaarde (kg)", Kind.AMOUNT),
            Column.of("Materiaal maximum (kg)", Kind.AMOUNT), Column.of("Uitgaven middenwaarde (EUR)", Kind.AMOUNT),
            Column.of("Aandeel hoge-impact CO2 %", Kind.PERCENT), Column.text("Kalibratie", 16), Column.of("Prijsjaar", Kind.YEAR),
            Column.text("Bron factor", 50));
    static final String FOOTPRINT_SQL = """
            SELECT department_code, year, impact_segment, co2_min_kg, co2_mid_kg, co2_max_kg, material_min_kg, material_mid_kg,
                   material_max_kg, spend_mid_eur, high_impact_co2_share_pct, calibration, price_year, factor_source
            FROM marts.footprint_department_year ORDER BY department_code, year, impact_segment""";

    private DepartmentWorkbooks() {
    }

    /** Writes one workbook per department of marts.rpt_department_progress below {@code dir}; returns how many. */
    public static int write(Warehouse warehouse, Path dir, String dataVersion) throws IOException {
        boolean sample = Publisher.containsSampleData(warehouse);
        LocalDate dataDate = dataDate(warehouse);
        List<String> departments = warehouse.query("SELECT DISTINCT department_code FROM marts.rpt_department_progress ORDER BY 1", rs -> rs.getString(1));
        Map<String, List<List<Object>>> effect = byDepartment(warehouse, EFFECT_SQL);
        Map<String, List<List<Object>>> input = byDepartment(warehouse, INPUT_SQL);
        Map<String, List<List<Object>>> spend = byDepartment(warehouse, SPEND_SQL);
        Map<String, List<List<Object>>> footprint = byDepartment(warehouse, FOOTPRINT_SQL);
        for (String department : departments) {
            Path folder = department.equals(DepartmentExtracts.RIJKSBREED) ? dir.resolve("rijk") : dir.resolve("departments").resolve(department);
            try (WorkbookWriter book = new WorkbookWriter(dataDate)) {
                book.notes("Toelichting", explanation(department, dataVersion, dataDate, sample));
                book.table("Effectdoelen", EFFECT, effect.getOrDefault(department, List.of()));
                book.table("Inspanningsdoelen", INPUT, input.getOrDefault(department, List.of()));
                book.table("Uitgaven", SPEND, spend.getOrDefault(department, List.of()));
                book.table("Voetafdruk", FOOTPRINT, footprint.getOrDefault(department, List.of()));
                book.title((sample ? "VOORBEELDGEGEVENS - " : "") + "Voortgang Inkopen met Impact " + department);
                book.write(folder.resolve(FILE));
            }
        }
        return departments.size();
    }

    /**
     * The date the publication's data is of: the latest arrival (modification time in the landing folder) of the
     * files that count, so the same files give the same date; 2000-01-01 when there are none.
     */
    public static LocalDate dataDate(Warehouse warehouse) {
        List<LocalDate> dates = warehouse.query("SELECT CAST(max(arrived_at) AS DATE) FROM raw.input_partition WHERE is_current",
                rs -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate());
        return dates.isEmpty() || dates.get(0) == null ? LocalDate.of(2000, 1, 1) : dates.get(0);
    }

    /** The query's rows without their leading department_code column, by that column. */
    static Map<String, List<List<Object>>> byDepartment(Warehouse warehouse, String sql) {
        Map<String, List<List<Object>>> rows = new TreeMap<>();
        warehouse.forEachRow(sql, rs -> {
            List<Object> row = new ArrayList<>();
            for (int c = 2; c <= rs.getMetaData().getColumnCount(); c++) {
                row.add(rs.getObject(c));
            }
            rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(row);
        });
        return rows;
    }

    static List<String> explanation(String department, String dataVersion, LocalDate dataDate, boolean sample) {
        List<String> lines = new ArrayList<>();
        lines.add("Voortgang Inkopen met Impact: " + (department.equals(DepartmentExtracts.RIJKSBREED) ? "Rijk als geheel" : department));
        if (sample) {
            lines.add("LET OP: VOORBEELDGEGEVENS. Deze publicatie bevat meegeleverde voorbeeldbestanden; de cijfers zijn niet echt.");
        }
        lines.add("Gegevensversie: " + dataVersion + " (dezelfde als in manifest.json en in de kolom data_version van progress.csv).");
        lines.add("Datum gegevens: " + dataDate.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"))
                + " (laatste aankomst van de bestanden die meetellen).");
        lines.add("");
        lines.add("Bladen");
        lines.add("Effectdoelen: de effect- en resultaatdoelen voor 2030 (config/targets.yaml), per doel en jaar: waarde, nulmeting, traject, doel, status en de reden.");
        lines.add("Inspanningsdoelen: inspanningsdoelen I-IV, het aandeel aanbestedingen (MVI-ZET) dat voldoet tegen de streefwaarde.");
        lines.add("Uitgaven: inkoopuitgaven per soort inkoop als bandbreedte uit de staffels (minimum, middenwaarde, maximum; leeg maximum: onbegrensd).");
        lines.add("Voetafdruk: CO2- en materiaalvoetafdruk op basis van uitgaven per impactsegment, als bandbreedte, met de bron van de factor.");
        lines.add("");
        lines.add("Kolommen");
        lines.add("Waarde: de gemeten waarde in de eenheid van het doel; Traject: waar het doel dit jaar had moeten staan; Doelwaarde: het doel in het doeljaar.");
        lines.add("Dekking %: aandeel van de contracten die eerder rapporteerden en dit jaar weer rapporteerden; onder de drempel geen oordeel.");
        lines.add("Getallen zijn getallen (geen tekst): Excel toont ze met de scheidingstekens van uw taalinstelling; een leeg vak betekent geen waarde, nooit nul.");
        lines.add("");
        lines.add("Statussen (in de volgorde waarin ze worden bepaald, docs/goals.md)");
        lines.add("geen meetbaar doel (not_measurable): kwalitatief doel; wat in plaats daarvan gevolgd wordt staat in de toelichting.");
        lines.add("n.v.t. (not_applicable): het doel geldt niet voor dit ministerie.");
        lines.add("niet verdeeld (not_allocated): rijksbreed doel dat niet over de ministeries is verdeeld.");
        lines.add("geen gegevens (no_data): geen cijfer voor dit jaar; een ontbrekend jaar is nooit nul.");
        lines.add("voorstel, niet vastgesteld (allocation_not_adopted): het deel van dit ministerie is nog niet vastgesteld; geen oordeel.");
        lines.add("onvoldoende dekking (insufficient_coverage): te weinig contracten rapporteerden; geen oordeel.");
        lines.add("geen nulmeting (no_baseline): alleen een relatief doel zonder gemeten nulmeting.");
        lines.add("onvoldoende gegevens (insufficient_data): een opgeteld doel met jaren zonder gegevens.");
        lines.add("periode voorbij, gehaald / niet gehaald (period_ended_met / period_ended_missed).");
        lines.add("doel gehaald (achieved); op koers / niet op koers (on_track / off_track); onder doel (below_target).");
        lines.add("Inspanningsdoelen: on_target (streefwaarde gehaald), below_target (onder de streefwaarde), no_target (alleen ter informatie), no_data, not_applicable.");
        lines.add("Uitgaven en voetafdruk: range (bandbreedte), range_unbounded (maximum open door een bedrag in staffel 13).");
        return lines;
    }
}
