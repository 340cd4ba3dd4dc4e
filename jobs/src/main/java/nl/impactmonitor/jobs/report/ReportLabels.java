package nl.impactmonitor.jobs.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.impactmonitor.warehouse.Warehouse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The report's names for codes, in Dutch and English, from config/reference: spend classes
 * ({@code spend_classes.csv}), impact segments ({@code impact_segments.csv}) and the two theme sets
 * ({@code themes.csv}, which the targets catalogue checks goals against too). Each map is in display order; a code
 * without a label is shown as itself.
 */
public record ReportLabels(Map<String, Text> spendClasses, Map<String, Text> segments, Map<String, Text> strategyThemes,
                           Map<String, Text> nationalPlanThemes) {

    /** No labels: every code shown as itself (reports built by hand in tests that do not look at names). */
    public static ReportLabels none() {
        return new ReportLabels(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The labels as the run loaded them into ref.spend_class, ref.impact_segment and ref.theme. */
    public static ReportLabels fromWarehouse(Warehouse w) {
        return new ReportLabels(
                ordered(w, "SELECT spend_class, label_nl, label_en FROM ref.spend_class ORDER BY display_order, spend_class"),
                ordered(w, "SELECT impact_segment, label_nl, label_en FROM ref.impact_segment ORDER BY display_order, impact_segment"),
                ordered(w, "SELECT theme_code, label_nl, label_en FROM ref.theme WHERE theme_set = 'strategy'"
                        + " ORDER BY heading_order NULLS LAST, theme_code"),
                ordered(w, "SELECT theme_code, label_nl, label_en FROM ref.theme WHERE theme_set = 'national_plan'"
                        + " ORDER BY heading_order NULLS LAST, theme_code"));
    }

    /** The labels read straight from the CSV files of a reference folder (config/reference). */
    public static ReportLabels read(Path referenceDir) {
        List<CSVRecord> themes = records(referenceDir.resolve("themes.csv"));
        return new ReportLabels(
                ordered(records(referenceDir.resolve("spend_classes.csv")), "spend_class", "display_order"),
                ordered(records(referenceDir.resolve("impact_segments.csv")), "impact_segment", "display_order"),
                ordered(themes.stream().filter(r -> r.get("theme_set").equals("strategy")).toList(), "theme_code", "heading_order"),
                ordered(themes.stream().filter(r -> r.get("theme_set").equals("national_plan")).toList(), "theme_code", "heading_order"));
    }

    /** The theme label of either set (the sets share most codes and their names). */
    Text theme(String code) {
        Text t = strategyThemes.get(code);
        return t != null ? t : nationalPlanThemes.getOrDefault(code, Text.both(code));
    }

    Text spendClass(String code) {
        return spendClasses.getOrDefault(code, Text.both(code));
    }

    Text segment(String code) {
        return segments.getOrDefault(code, Text.both(code));
    }

    private static Map<String, Text> ordered(Warehouse w, String sql) {
        Map<String, Text> labels = new LinkedHashMap<>();
        w.forEachRow(sql, rs -> labels.put(rs.getString(1), new Text(rs.getString(2), rs.getString(3))));
        return labels;
    }

    private static Map<String, Text> ordered(List<CSVRecord> rows, String code, String order) {
        List<CSVRecord> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((CSVRecord r) -> r.get(order).isBlank() ? Integer.MAX_VALUE : Integer.parseInt(r.get(order).strip()))
                .thenComparing(r -> r.get(code)));
        Map<String, Text> labels = new LinkedHashMap<>();
        sorted.forEach(r -> labels.put(r.get(code).strip(), new Text(r.get("label_nl"), r.get("label_en"))));
        return labels;
    }

    private static List<CSVRecord> records(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }
}
