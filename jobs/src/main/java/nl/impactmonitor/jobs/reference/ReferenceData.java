package nl.impactmonitor.jobs.reference;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import nl.impactmonitor.jobs.allocation.AllocationRegister;
import nl.impactmonitor.jobs.landing.SourceColumns;
import nl.impactmonitor.jobs.progress.TargetsCatalogue;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.warehouse.Warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reference data kept as readable files in {@code config/reference/}: put into the warehouse's {@code ref}
 * schema at the start of every run, so a steward's edit takes effect on the next run without a release.
 */
@Component
public class ReferenceData {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

    /** Warehouse table and the file it is read from, in load order. */
    public static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("ref.department", "departments.csv");
        TABLES.put("ref.department_alias", "department_aliases.csv");
        TABLES.put("ref.staffel_band", "staffel_bands.csv");
        TABLES.put("ref.cost_category", "cost_categories.csv");
        TABLES.put("ref.spend_total_marker", "spend_total_markers.csv");
        TABLES.put("ref.value_alias", "value_aliases.csv");
        TABLES.put("ref.mvi_product_group", "mvi_product_groups.csv");
        TABLES.put("ref.eu_threshold", "eu_thresholds.csv");
        TABLES.put("ref.isv_risk_category", "isv_risk_categories.csv");
        TABLES.put("ref.input_goal", "input_goals.csv");
        TABLES.put("ref.input_goal_parameter", "input_goal_parameters.csv");
        TABLES.put("ref.result_metric", "result_metrics.csv");
        TABLES.put("ref.unit", "units.csv");
        TABLES.put("ref.impact_factor", "impact_factors.csv");
        TABLES.put("ref.price_index", "price_indices.csv");
        TABLES.put("ref.theme_crosswalk", "theme_crosswalk.csv");
        TABLES.put("ref.theme", "themes.csv");
        TABLES.put("ref.impact_segment", "impact_segments.csv");
        TABLES.put("ref.spend_class", "spend_classes.csv");
        TABLES.put("ref.sample_file", "sample_files.csv");
        TABLES.put("ref.reporting_obligation", "reporting_obligations.csv");
        TABLES.put("ref.rijksinkoopcategorie", "rijksinkoopcategorieen.csv");
        TABLES.put("ref.category_mapping", "category_mappings.csv");
    }

    private final Warehouse warehouse;
    private final Path directory;
    private final Path targetsFile;

    /** Checks the targets catalogue at start-up: a broken catalogue stops the application with its lines named. */
    public ReferenceData(Warehouse warehouse, ImpactmonitorProperties props) {
        this.warehouse = warehouse;
        this.directory = props.resolve(props.referenceDir());
        this.targetsFile = props.resolve(props.targetsFile());
        allocations(goals());
        checkAliases();
    }

    /** The allocation register next to the targets catalogue, checked against its goals and departments.csv. */
    public List<AllocationRegister.Allocation> allocations(List<TargetsCatalogue.Goal> goals) {
        return AllocationRegister.read(allocationsFile(), goals, firstColumn("departments.csv", "department_code"));
    }

    /** The department codes of departments.csv. */
    public Set<String> departmentCodes() {
        return firstColumn("departments.csv", "department_code");
    }

    /** {@code config/allocations.yaml}: beside the targets catalogue. */
    public Path allocationsFile() {
        return AllocationRegister.besides(targetsFile);
    }

    /** Every alias must name a department of departments.csv; a typo there would silently create a department. */
    private void checkAliases() {
        Set<String> codes = firstColumn("departments.csv", "department_code");
        Path file = directory.resolve("department_aliases.csv");
        List<String> errors = new java.util.ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            for (CSVRecord r : parser) {
                String code = r.get("department_code").strip();
                if (!codes.contains(code)) {
                    errors.add(file + " line " + (r.getRecordNumber() + 1) + ": alias '" + r.get("alias") + "' names department '"
                            + code + "', which is not in departments.csv");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("\n", errors));
        }
    }

    public void load() {
        TABLES.forEach((table, file) -> warehouse.replaceReferenceTable(table, directory.resolve(file)));
        List<TargetsCatalogue.Goal> goals = goals();
        List<AllocationRegister.Allocation> allocations = allocations(goals);
        warehouse.inTransaction(w -> {
            w.execute("DELETE FROM ref.goal_allocation_part");
            for (AllocationRegister.Allocation a : allocations) {
                for (AllocationRegister.Part p : a.parts()) {
                    w.update("""
                            INSERT INTO ref.goal_allocation_part (goal_id, period_from, period_to, status, adopted_on, adopted_by, basis,
                                part_kind, department_code, part_value, register_line)
                            VALUES (?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, ?, ?, ?)""",
                            a.goalId(), a.from(), a.to(), a.status(), a.adoptedOn() == null ? null : a.adoptedOn().toString(),
                            a.adoptedBy(), a.basis(), a.kind(), p.departmentCode(), p.value(), p.line());
                }
            }
            w.execute("DELETE FROM ref.goal");
            w.execute("DELETE FROM ref.goal_milestone");
            for (TargetsCatalogue.Goal g : goals) {
                w.update("""
                        INSERT INTO ref.goal (goal_id, goal_name_nl, goal_name_en, theme_strategy, theme_national_plan, metric, unit,
                            direction, aggregation, numerator_metric, denominator_metric, baseline_year, baseline_value, target_year,
                            target_value, target_change_pct, applies_to_departments, source, catalogue_line,
                            allocation_basis, allocation_segments, allocation_decimals, baseline_source, target_year_assumed,
                            applies_to, measurable, monitored_instead_nl, monitored_instead_en, period_start_year, min_coverage_pct)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_split(?, ','), ?, ?, ?,
                            CASE WHEN ? IS NULL THEN NULL ELSE string_split(?, ',') END, ?, ?, ?, ?, ?)""",
                        g.id(), g.nameNl(), g.nameEn(), g.themeStrategy(), g.themeNationalPlan(), g.metric(), g.unit(), g.direction(),
                        g.aggregation(), g.numerator(), g.denominator(), g.baselineYear(), g.baselineValue(), g.targetYear(),
                        g.targetValue(), g.targetChangePct(), g.appliesToDepartments(), g.source(), g.line(),
                        g.allocation() == null ? null : g.allocation().basis(),
                        g.allocation() == null ? null : String.join(",", g.allocation().segments()),
                        g.allocation() == null ? null : g.allocation().decimals(),
                        g.baselineSource(), g.targetYearAssumed(),
                        g.appliesTo() == null ? null : String.join(",", g.appliesTo()),
                        g.appliesTo() == null ? null : String.join(",", g.appliesTo()),
                        g.measurable(), g.monitoredInsteadNl(), g.monitoredInsteadEn(), g.periodStartYear(), g.minCoveragePct());
                for (TargetsCatalogue.Milestone m : g.milestones()) {
                    w.update("INSERT INTO ref.goal_milestone (goal_id, year, value, source) VALUES (?, ?, ?, ?)",
                            g.id(), m.year(), m.value(), m.source());
                }
            }
            return null;
        });
        log.info("Reference data loaded from {}, {} goals from {} and {} allocations from {}", directory, goals.size(), targetsFile,
                allocations.size(), allocationsFile());
    }

    /** The goals of the targets catalogue, checked against the metrics in result_metrics.csv. */
    public List<TargetsCatalogue.Goal> goals() {
        return TargetsCatalogue.read(targetsFile, knownMetrics(), firstColumn("impact_factors.csv", "impact_segment"),
                firstColumn("departments.csv", "department_code"), TargetsCatalogue.Themes.read(directory.resolve("themes.csv")));
    }

    private Set<String> knownMetrics() {
        return firstColumn("result_metrics.csv", "metric");
    }

    private Set<String> firstColumn(String fileName, String column) {
        Path file = directory.resolve(fileName);
        Set<String> metrics = new HashSet<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                metrics.add(r.get(column).strip());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return metrics;
    }

    /** The folder the reference files are read from. */
    public Path directory() {
        return directory;
    }

    /** Header names accepted for a source's columns ({@code <token>_columns.csv}). */
    public SourceColumns columns(nl.impactmonitor.jobs.landing.Source source) {
        return SourceColumns.read(directory.resolve(source.columnsFile()));
    }
}
